using Scenarios.Catalog;
using Scenarios.Loading;
using Simulator.Glucose.Replay;
using Simulator.Runs;

namespace Simulator.Cli.Output;

/// <summary>
/// Turns anything that stops a command into one paragraph for a person and exit code 1. Expected failures
/// (a broken scenario, an unreachable system under test) say what and where; anything unexpected says so
/// plainly and points at the journal, never at a stack trace.
/// </summary>
internal static class Failure
{
    public const int ExitCode = 1;

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCode;
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        ScenarioValidationException or ScenarioNotFoundException or RunFailedException or TraceImportException => e.Message,
        OperationCanceledException => "The run was cancelled before it finished; the journal written so far is kept in the output directory.",
        AggregateException { InnerExceptions.Count: > 0 } a => Describe(a.InnerExceptions[0]),
        IOException or UnauthorizedAccessException => $"A file could not be read or written ({e.Message}). Check the path and its permissions.",
        _ => $"The run stopped on an unexpected {e.GetType().Name}: {e.Message}. This is a bug in the harness; the journal written so far is kept in the output directory.",
    };
}
