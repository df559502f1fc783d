namespace ReferenceSystem.Vendors;

/// <summary>A vendor call failed (HTTP error status, timeout, connection reset, malformed body, failed login).</summary>
internal class SourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Share answered 500 <c>SessionIdNotFound</c> / <c>SessionNotValid</c>: the session is gone, log in again.</summary>
internal sealed class ShareSessionExpiredException(string code) : SourceException($"session expired ({code})");

internal static class VendorHttp
{
    /// <summary>Named <see cref="HttpClient"/>s; each has a 10 s (real) timeout.</summary>
    public const string Share = "dexcom-share";
    public const string Nightscout = "nightscout";
    public const string Fcm = "fcm";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs one vendor call and turns transport failures into <see cref="SourceException"/>. Cancellation of
    /// <paramref name="ct"/> itself is passed through as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call(ct);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SourceException("timed out", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceException($"transport error: {ex.Message}", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new SourceException($"malformed response: {ex.Message}", ex);
        }
    }
}
