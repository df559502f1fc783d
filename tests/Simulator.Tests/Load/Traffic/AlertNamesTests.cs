using Simulator.Load.Traffic;

namespace Simulator.Tests.Load.Traffic;

public sealed class AlertNamesTests
{
    [Theory]
    [InlineData(40, "urgent-low")]
    [InlineData(55, "urgent-low")]
    [InlineData(56, "low")]
    [InlineData(70, "low")]
    [InlineData(71, "glucose")]
    [InlineData(249, "glucose")]
    [InlineData(250, "high")]
    public void Alerts_use_the_expected_alert_engines_comparisons(int mgdl, string alert) =>
        Assert.Equal(alert, AlertNames.For(mgdl));
}
