using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Simulator.Runs;

/// <summary>
/// How the harness drives a system under test: <c>GET /health</c> before anything starts, <c>POST /api/follow</c>
/// with the run's accounts, URLs and clock, <c>DELETE /api/follow</c> at the end. The ReferenceSystem speaks it;
/// an external system implements the same three calls (docs/integrating-your-system.md).
/// </summary>
public sealed class SutClient(HttpClient http, Uri baseUrl)
{
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>Refuses anything but loopback: load and fault traffic must never leave the machine.</summary>
    public static void EnsureLoopback(Uri url, string what)
    {
        var host = url.Host.Trim('[', ']');
        var loopback = url.IsLoopback || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !loopback)
            throw new RunFailedException(
                $"The {what} '{url}' is not a loopback http(s) address. The harness only sends traffic to this machine " +
                "(127.0.0.0/8, ::1 or localhost), so point it at a system running here, e.g. http://127.0.0.1:5300.");
    }

    public async Task PreflightAsync(double speed, CancellationToken ct)
    {
        EnsureLoopback(BaseUrl, "system under test URL");
        JsonElement health;
        try
        {
            using var response = await http.GetAsync(new Uri(BaseUrl, "/health"), ct);
            if (!response.IsSuccessStatusCode)
                throw Unreachable($"it answered GET /health with HTTP {(int)response.StatusCode}");
            health = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
        catch (HttpRequestException e)
        {
            var reason = e.InnerException is SocketException s ? s.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused: nothing is listening there",
                _ => s.Message,
            } : e.Message;
            throw Unreachable(reason, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw Unreachable("no answer within the time limit", e); }
        catch (JsonException e) { throw Unreachable("GET /health did not return JSON", e); }

        var speaksClock = health.ValueKind == JsonValueKind.Object && health.TryGetProperty("clockProtocol", out var v) && v.ValueKind == JsonValueKind.Number;
        if (!speaksClock && speed != 1)
            throw new RunFailedException(
                $"The system under test at {BaseUrl} does not declare the harness clock protocol (no \"clockProtocol\" in GET /health), " +
                $"so it runs on real time and cannot follow a run at speed {speed}. Run with --speed 1, or have it read the run's clock " +
                "from the harness (docs/integrating-your-system.md, 'clock protocol').");
    }

    public async Task StartFollowingAsync(object config, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(BaseUrl, "/api/follow"), config, ct);
        if (!response.IsSuccessStatusCode)
            throw new RunFailedException(
                $"The system under test at {BaseUrl} refused the run's configuration (POST /api/follow answered HTTP {(int)response.StatusCode}: " +
                $"{Trim(await response.Content.ReadAsStringAsync(ct))}). Check that it implements the harness's SUT protocol.");
    }

    /// <summary>
    /// Starts the receiver role (the phone app that reads the transmitters over the BLE link, docs/ble-link.md).
    /// Only called when a scenario gives a patient a <c>ble:</c> block.
    /// </summary>
    public async Task StartReceivingAsync(object config, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(BaseUrl, "/api/receiver"), config, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            throw new RunFailedException(
                $"The scenario sends readings over BLE, but the system under test at {BaseUrl} has no receiver role (POST /api/receiver " +
                "answered 404). Implement it (docs/ble-link.md) or remove the ble: blocks from the scenario.");
        if (!response.IsSuccessStatusCode)
            throw new RunFailedException(
                $"The system under test at {BaseUrl} refused the receiver configuration (POST /api/receiver answered HTTP {(int)response.StatusCode}: " +
                $"{Trim(await response.Content.ReadAsStringAsync(ct))}). Check that it implements docs/ble-link.md.");
    }

    public async Task StopAsync(CancellationToken ct, bool receiving = false)
    {
        try { using var _ = await http.DeleteAsync(new Uri(BaseUrl, "/api/follow"), ct); }
        catch (HttpRequestException) { /* scoring goes on with what was delivered; the journal has it all */ }
        if (!receiving)
            return;
        try { using var _ = await http.DeleteAsync(new Uri(BaseUrl, "/api/receiver"), ct); }
        catch (HttpRequestException) { /* as above */ }
    }

    private RunFailedException Unreachable(string reason, Exception? inner = null) => new(
        $"The system under test at {BaseUrl} could not be reached ({reason}). Start it first, or check the --sut-url " +
        "you gave; nothing was run and no results were written.", inner);

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
