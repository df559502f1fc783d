namespace Simulator.Faults.Latency;

/// <summary>
/// A slow body: the vendor's answer is held back whole, its headers go out at once (with the full Content-Length), then
/// its bytes follow at a set pace on the run's clock. Byte k is due k ÷ pace virtual seconds after the start, so
/// coarse real timers at high speeds send bigger chunks rather than drifting. WireMock cannot throttle a body at all.
/// </summary>
public static class Dribble
{
    public static async Task WriteAsync(FaultRequest request, double bytesPerSecond, Func<Task> next)
    {
        var http = request.Http;
        var aborted = http.RequestAborted;
        byte[] body;
        using (var capture = ResponseCapture.Begin(http))
        {
            await next();
            body = capture.End();
        }
        try
        {
            http.Response.ContentLength = body.Length;
            await http.Response.StartAsync(aborted);
            await http.Response.Body.FlushAsync(aborted);
            var clock = request.Clock;
            var start = clock.GetUtcNow();
            var sent = 0;
            while (sent < body.Length)
            {
                var due = (int)Math.Min(body.Length, Math.Floor((clock.GetUtcNow() - start).TotalSeconds * bytesPerSecond));
                if (due > sent)
                {
                    await http.Response.Body.WriteAsync(body.AsMemory(sent, due - sent), aborted);
                    await http.Response.Body.FlushAsync(aborted);
                    sent = due;
                    continue;
                }
                var nextByteAt = start + TimeSpan.FromSeconds((sent + 1) / bytesPerSecond);
                var wait = nextByteAt - clock.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1), clock, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client stopped reading: the journal records no answer.
        }
    }
}
