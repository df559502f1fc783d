using System.CommandLine;

namespace Simulator.Cli.Tests.Support;

/// <summary>Console output is process-wide, so tests that capture it run alone, never beside another that writes to it.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    /// <summary>Invokes <paramref name="command"/> as the CLI would, capturing what it writes (commands write to Console directly).</summary>
    public static Task<(int Exit, string Output, string Error)> InvokeAsync(Command command, string[] args) =>
        InvokeAsync(command, args, CancellationToken.None);

    /// <summary>As above, cancelled by <paramref name="ct"/> as Ctrl-C or SIGTERM would cancel it.</summary>
    public static async Task<(int Exit, string Output, string Error)> InvokeAsync(Command command, string[] args, CancellationToken ct)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var root = new RootCommand { command };
            var exit = await root.Parse([command.Name, .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
