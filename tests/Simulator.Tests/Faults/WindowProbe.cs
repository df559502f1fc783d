using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Faults;

/// <summary>
/// Checks a fault against a running clock at speed 1: requests go out back to back across a short window, and the
/// journal says which of them the fault shaped. Exactly those the fault could have seen inside [at, until) may be
/// shaped, and it must be seen to start and to stop within one virtual second of its instants.
/// </summary>
internal static class WindowProbe
{
    /// <summary>
    /// Opens 0.3 s after the clock starts and lasts 1 s: little real time at speed 1, yet long enough that a stall of
    /// a loaded machine (a few hundred ms) cannot hide the whole window from the probe.
    /// </summary>
    public static (DateTimeOffset At, DateTimeOffset Until) Window(DateTimeOffset epoch) => (epoch.AddSeconds(0.3), epoch.AddSeconds(1.3));

    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <param name="clock">Not started yet, at speed 1; the probe starts it.</param>
    /// <param name="send">One request the fault would shape; exceptions a fault causes (reset) are part of the probe.</param>
    public static async Task AssertFollowsWindowAsync(VirtualClock clock, RunJournal journal, string kind, Func<Task> send)
    {
        Assert.Equal(1, clock.Speed);
        var (at, until) = Window(clock.VirtualEpoch);
        // Warm up before time runs (JIT, connection): at the epoch, before the window.
        await SendAsync(send);
        var samples = new List<(DateTimeOffset Sent, DateTimeOffset Answered, bool Shaped)>();
        var journaled = journal.OfType<RequestServed>().Count;
        clock.Start();
        // Until a request has gone out after the window, however long a stall made the last one take.
        while (clock.GetUtcNow() < until.AddSeconds(0.2) || !samples.Any(s => s.Sent >= until))
        {
            var sent = clock.GetUtcNow();
            await SendAsync(send);
            var answered = clock.GetUtcNow();
            // One at a time, so the n-th journal entry is the n-th request.
            journaled++;
            await Eventually.UntilAsync(() => journal.OfType<RequestServed>().Count >= journaled, "the request's journal entry");
            samples.Add((sent, answered, journal.OfType<RequestServed>()[journaled - 1].Fault == kind));
            await Task.Delay(10);
        }

        Assert.All(samples.Where(s => s.Shaped), s => Assert.True(s.Answered >= at && s.Sent < until,
            $"shaped by {kind} although sent at {s.Sent:HH:mm:ss.fff} and answered at {s.Answered:HH:mm:ss.fff}, outside [{at:HH:mm:ss.fff}, {until:HH:mm:ss.fff})"));
        Assert.All(samples.Where(s => !s.Shaped), s => Assert.True(s.Sent < at || s.Answered >= until,
            $"not shaped by {kind} although sent at {s.Sent:HH:mm:ss.fff} and answered at {s.Answered:HH:mm:ss.fff}, inside [{at:HH:mm:ss.fff}, {until:HH:mm:ss.fff})"));
        var first = samples.FirstOrDefault(s => s.Shaped);
        Assert.True(first.Shaped, $"no request was shaped by {kind}");
        // Seen to start and to stop within a second: the first request it shaped, and the first it let through after, were
        // sent at most a second after the instants (the checks above already say none was shaped outside the window).
        // Send times, not answer times: a loaded machine can hold one answer past a second without the fault being late.
        Assert.InRange(first.Sent - at, -(first.Answered - first.Sent), Tolerance);
        var recovered = samples.SkipWhile(s => !s.Shaped).FirstOrDefault(s => !s.Shaped);
        Assert.True(recovered != default, $"{kind} never ended");
        Assert.InRange(recovered.Sent - until, -(recovered.Answered - recovered.Sent), Tolerance);
    }

    private static async Task SendAsync(Func<Task> send)
    {
        try { await send(); }
        catch (HttpRequestException) { /* a reset: the journal tells whether the fault did it */ }
    }
}
