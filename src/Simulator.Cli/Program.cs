using System.CommandLine;
using Simulator.Cli.Commands;

var root = new RootCommand("CGM follow-system outage rehearsal harness: fake vendor clouds that fail, real traffic, a scorecard of alert delivery.")
{
    RunCommand.Create(),
    ScenariosCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
