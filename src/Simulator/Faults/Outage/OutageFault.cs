using Microsoft.AspNetCore.Http;
using Scenarios.Model;

namespace Simulator.Faults.Outage;

/// <summary>
/// The vendor fails: an HTTP error in its own words, a connection reset, or no answer until the client gives up.
/// With a ratio below 1, each request draws from the run's seeded randomness, so some still succeed.
/// </summary>
public sealed class OutageFault(FaultSpec spec, OutageFaultOptions options, Random random) : RequestFault(spec)
{
    /// <summary>How long a "timeout" outage holds a request (virtual) before dropping it, if the client waits that long.</summary>
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();

    public override async ValueTask<bool> ApplyAsync(FaultRequest request)
    {
        if (!Hits()) return false;
        var http = request.Http;
        switch (options.Response)
        {
            case OutageResponse.Reset:
                http.Abort();
                return true;
            case OutageResponse.Timeout:
                try { await Task.Delay(TimeoutHold, request.Clock, http.RequestAborted); }
                catch (OperationCanceledException) { /* the client gave up first, as intended */ }
                http.Abort();
                return true;
            default:
                var (contentType, body) = request.Errors.ErrorBody(options.StatusCode);
                http.Response.StatusCode = options.StatusCode;
                http.Response.ContentType = contentType;
                await http.Response.WriteAsync(body);
                return true;
        }
    }

    private bool Hits()
    {
        if (options.Ratio >= 1) return true;
        lock (_gate) return random.NextDouble() < options.Ratio;
    }
}
