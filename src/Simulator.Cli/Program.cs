using System.CommandLine;
using Simulator.Cli.Commands;

var root = new RootCommand("CGM follow-system outage rehearsal harness: fake vendor clouds that fail, real traffic, a scorecard of alert delivery.")
{
    RunCommand.Create(),
    ScenariosCommand.Create(),
    TracesCommand.Create(),
    BenchCommand.Create(),
    BleCommand.Create(),
    LoadCommand.Create(),
    FakesCommand.Create(),
};
// Ctrl+C cancels the run; it then scores what happened so far and writes a partial report, which needs a moment.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
