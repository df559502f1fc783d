using System.Diagnostics;
using Simulator.Journal;

namespace Simulator.Tests.Support;

/// <summary>
/// Bounded waits for things that happen just after a response reaches the client (a fake journals a request
/// after its answer has gone out). Polls briefly; fails the test with a message instead of hanging.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > (timeout ?? DefaultTimeout))
                Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until an event of the type matches, and returns the first that does.</summary>
    public static async Task<T> JournaledAsync<T>(RunJournal journal, Func<T, bool> match, string what) where T : JournalEvent
    {
        T? found = null;
        await UntilAsync(() => (found = journal.OfType<T>().FirstOrDefault(match)) is not null, what);
        return found!;
    }
}
