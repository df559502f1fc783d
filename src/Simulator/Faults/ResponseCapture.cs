using Microsoft.AspNetCore.Http;

namespace Simulator.Faults;

/// <summary>
/// Holds back what the vendor's handler writes, so a fault can send it differently (cut short, trickled out).
/// Nothing reaches the client until the fault writes to the restored body.
/// </summary>
public sealed class ResponseCapture : IDisposable
{
    private readonly HttpResponse _response;
    private readonly Stream _original;
    private readonly MemoryStream _buffer = new();
    private bool _ended;

    private ResponseCapture(HttpResponse response)
    {
        _response = response;
        _original = response.Body;
        response.Body = _buffer;
    }

    public static ResponseCapture Begin(HttpContext http) => new(http.Response);

    /// <summary>Gives the real body back and returns what the handler wrote, with its headers left for the fault to adjust.</summary>
    public byte[] End()
    {
        Restore();
        // The handler's framing no longer describes what will be sent.
        _response.Headers.Remove("Transfer-Encoding");
        _response.ContentLength = null;
        return _buffer.ToArray();
    }

    private void Restore()
    {
        if (_ended) return;
        _ended = true;
        _response.Body = _original;
    }

    public void Dispose()
    {
        Restore();
        _buffer.Dispose();
    }
}
