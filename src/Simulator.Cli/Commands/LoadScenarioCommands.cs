using System.CommandLine;

namespace Simulator.Cli.Commands;

/// <summary>The <c>simulator load</c> subcommands generated from the domain (population load, backlog recovery).</summary>
internal static class LoadScenarioCommands
{
    public static IEnumerable<Command> All() =>
    [
        LoadPopulationCommand.Create(),
        LoadRecoveryCommand.Create(),
    ];
}
