using Scenarios.Loading;

namespace Scenarios.Tests.Loading;

public class ScenarioValidationExceptionTests
{
    [Fact]
    public void Error_text_leaves_out_position_and_field_when_there_are_none()
    {
        Assert.Equal("line 4, column 3, 'faults[0].kind': bad", new ScenarioError("x.yaml", 4, 3, "faults[0].kind", "bad").ToString());
        Assert.Equal("line 2, column 1, bad", new ScenarioError("x.yaml", 2, 1, "", "bad").ToString());
        Assert.Equal("bad", new ScenarioError("x.yaml", 0, 0, "", "bad").ToString());
    }

    [Fact]
    public void Message_joins_every_error_into_one_paragraph()
    {
        var e = new ScenarioValidationException("x.yaml",
        [
            new ScenarioError("x.yaml", 4, 3, "faults[0].kind", "unknown fault kind 'outag' (did you mean 'outage'?)"),
            new ScenarioError("x.yaml", 9, 5, "slo[0]", "unknown metric 'mised' (did you mean 'missed'?)"),
        ]);

        Assert.Equal(
            "Scenario file 'x.yaml' has 2 problems: line 4, column 3, 'faults[0].kind': unknown fault kind 'outag' (did you mean 'outage'?); "
            + "line 9, column 5, 'slo[0]': unknown metric 'mised' (did you mean 'missed'?). Fix them and run again.",
            e.Message);
        Assert.Equal(2, e.Errors.Count);
    }
}
