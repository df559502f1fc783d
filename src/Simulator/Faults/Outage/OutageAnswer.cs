using System.Text;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;

namespace Simulator.Faults.Outage;

/// <summary>
/// Answers a request the way a failing vendor does, for every kind that can fail like an outage (outage, flapping,
/// push-failure). WireMock.Net has no connection reset and its delays run on the real clock, so all of this is done
/// here, in the middleware in front of it, on the run's clock.
/// </summary>
public static class OutageAnswer
{
    /// <summary>How long a "timeout" holds a request (virtual) before dropping it, if the client waits that long.</summary>
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromMinutes(10);

    public static async Task WriteAsync(FaultRequest request, OutageResponse response, int status, Func<Task> next, string kind)
    {
        var http = request.Http;
        switch (response)
        {
            case OutageResponse.Reset:
                request.Abort(kind);
                return;
            case OutageResponse.Timeout:
                try { await Task.Delay(TimeoutHold, request.Clock, http.RequestAborted); }
                catch (OperationCanceledException) { /* the client gave up first, as intended */ }
                request.Abort(kind);
                return;
            case OutageResponse.Empty:
                // A proxy in front of a dead backend: the status, the vendor's content type, nothing else.
                request.Shaped(kind);
                http.Response.StatusCode = status;
                http.Response.ContentType = request.Errors.ContentType;
                http.Response.ContentLength = 0;
                return;
            case OutageResponse.Malformed:
                await MalformedAsync(request, status, next, kind);
                return;
            default:
                request.Shaped(kind);
                var (contentType, body) = request.Errors.ErrorBody(status);
                http.Response.StatusCode = status;
                http.Response.ContentType = contentType;
                await http.Response.WriteAsync(body, http.RequestAborted);
                return;
        }
    }

    /// <summary>
    /// The vendor handles the request (an upload is stored) but its answer is cut off halfway, as by a connection dropped
    /// mid-body behind a proxy: the client gets a complete HTTP message whose body does not parse as its content type.
    /// </summary>
    private static async Task MalformedAsync(FaultRequest request, int status, Func<Task> next, string kind)
    {
        var http = request.Http;
        byte[] body;
        using (var capture = ResponseCapture.Begin(http))
        {
            await next();
            body = capture.End();
        }
        request.Shaped(kind);
        var cut = Cut(body, http.Response.ContentType ?? request.Errors.ContentType);
        http.Response.StatusCode = status;
        http.Response.ContentType ??= request.Errors.ContentType;
        http.Response.ContentLength = cut.Length;
        await http.Response.Body.WriteAsync(cut, http.RequestAborted);
    }

    /// <summary>The first half of the body; a body too short to halve becomes an unterminated opening of its content type.</summary>
    public static byte[] Cut(byte[] body, string contentType)
    {
        if (body.Length >= 2) return body[..(body.Length / 2)];
        return Encoding.UTF8.GetBytes(contentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? "{\"" : "<");
    }
}
