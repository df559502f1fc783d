namespace ReferenceSystem.Tests.Support;

/// <summary>Bounded polling instead of sleeping: waits until a condition holds or fails the test after a timeout.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}");
            await Task.Delay(PollEvery);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}");
            await Task.Delay(PollEvery);
        }
    }

    /// <summary>Waits until the virtual clock has reached <paramref name="instant"/>.</summary>
    public static Task UntilVirtualAsync(TestClock clock, DateTimeOffset instant) =>
        UntilAsync(() => clock.Now >= instant, $"virtual time {instant:O}");
}
