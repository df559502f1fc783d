using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Scenarios.Model;

namespace Simulator.Faults.RateLimit;

/// <summary>
/// 429 Too Many Requests with Retry-After, in the vendor's own words, for requests over the limit in a fixed window
/// (per client or for everyone), or for every request when there is no limit.
/// </summary>
public sealed class RateLimitFault(FaultSpec spec, RateLimitFaultOptions options) : RequestFault(spec)
{
    private readonly RateWindows _windows = new(spec.At, options.Window);

    public override int Order => 10;

    public override async Task ApplyAsync(FaultRequest request, Func<Task> next)
    {
        var now = request.Clock.GetUtcNow();
        TimeSpan retryAfter;
        if (options.Limit is { } limit)
        {
            var client = options.Scope == RateLimitScope.Global ? "" : (await request.IdentityAsync()).ClientKey;
            var (count, resetsAt) = _windows.Count(client, now);
            if (count <= limit)
            {
                await next();
                return;
            }
            retryAfter = options.RetryAfter ?? TimeSpan.FromSeconds(Math.Ceiling((resetsAt - now).TotalSeconds));
        }
        else
        {
            retryAfter = options.RetryAfter ?? RateLimitFaultOptions.DefaultRetryAfter;
        }
        await RefuseAsync(request, retryAfter);
    }

    private async Task RefuseAsync(FaultRequest request, TimeSpan retryAfter)
    {
        request.Shaped(Spec.Kind);
        var response = request.Http.Response;
        var (contentType, body) = request.Errors.ErrorBody(StatusCodes.Status429TooManyRequests);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = contentType;
        response.Headers[HeaderNames.RetryAfter] = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync(body, request.Http.RequestAborted);
    }
}
