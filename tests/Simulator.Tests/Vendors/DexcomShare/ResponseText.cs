using System.Text;

namespace Simulator.Tests.Vendors;

/// <summary>
/// A response as a golden file holds it: status line, the headers that are part of a vendor's contract (as sent, not as
/// HttpClient re-formats them), a blank line and the body byte for byte. The fake's loopback address is written
/// <c>{base}</c> so the text does not depend on the port.
/// </summary>
internal static class ResponseText
{
    private static readonly string[] ContractHeaders =
    [
        "Content-Type", "Cache-Control", "Expires", "Pragma", "X-Frame-Options", "Location", "WWW-Authenticate",
        "Content-Security-Policy", "X-Content-Type-Options", "Retry-After",
    ];

    public static async Task<string> RenderAsync(HttpResponseMessage response, Uri? baseUrl = null)
    {
        var text = new StringBuilder();
        text.Append("HTTP ").Append((int)response.StatusCode).Append('\n');
        foreach (var name in ContractHeaders)
        {
            var values = response.Headers.NonValidated.TryGetValues(name, out var h) ? h
                : response.Content.Headers.NonValidated.TryGetValues(name, out var c) ? c
                : default;
            if (values.Count > 0) text.Append(name).Append(": ").Append(string.Join(", ", values)).Append('\n');
        }
        text.Append('\n').Append(await response.Content.ReadAsStringAsync());
        var rendered = text.ToString();
        return baseUrl is null ? rendered : rendered.Replace(baseUrl.GetLeftPart(UriPartial.Authority), "{base}", StringComparison.Ordinal);
    }
}
