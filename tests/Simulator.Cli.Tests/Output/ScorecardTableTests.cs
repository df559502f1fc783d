using Simulator.Cli.Output;
using Simulator.Tests.Support;
using Spectre.Console;

namespace Simulator.Cli.Tests.Output;

public class ScorecardTableTests
{
    [Fact]
    public void The_side_by_side_scorecard_reads_as_approved()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 80;   // what a CI log or a pipe gets

        ScorecardTable.Write(console, ["naive", "resilient"], [SampleRun.Report("naive"), SampleRun.Report("resilient")]);

        Golden.Match(writer.ToString(), "scorecard");
    }
}
