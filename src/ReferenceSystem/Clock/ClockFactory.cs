using System.Net.Http.Json;
using System.Text.Json;

namespace ReferenceSystem.Clock;

/// <summary>Thrown when the harness clock endpoint cannot be read or makes no sense.</summary>
internal sealed class ClockUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Picks the clock of a follow job: the clock URL in the request, else the <c>SIMULATOR_CLOCK_URL</c> setting
/// (environment variable), else the real system clock at speed 1. The clock endpoint is read once per job.
/// </summary>
internal sealed class ClockFactory(IHttpClientFactory httpClients, TimeProvider real, IConfiguration configuration)
{
    public const string ClockUrlVariable = "SIMULATOR_CLOCK_URL";
    public const string HttpClientName = "clock";

    public async Task<TimeProvider> CreateAsync(Uri? clockUrl, CancellationToken ct)
    {
        clockUrl ??= EnvironmentClockUrl();
        if (clockUrl is null)
            return real;

        ClockSnapshotDto? dto;
        try
        {
            var http = httpClients.CreateClient(HttpClientName);
            dto = await http.GetFromJsonAsync<ClockSnapshotDto>(clockUrl, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ClockUnavailableException($"could not read the clock at {clockUrl}: {ex.Message}", ex);
        }

        if (dto?.VirtualEpoch is not { } virtualEpoch || dto.RealEpoch is not { } realEpoch || dto.Speed is not { } speed)
            throw new ClockUnavailableException($"the clock at {clockUrl} did not return virtualEpoch, realEpoch and speed");
        if (!(speed > 0) || double.IsInfinity(speed))
            throw new ClockUnavailableException($"the clock at {clockUrl} returned an invalid speed {speed}");
        return new HarnessClock(new ClockSnapshot(virtualEpoch, realEpoch, speed), real);
    }

    private Uri? EnvironmentClockUrl()
    {
        var text = configuration[ClockUrlVariable];
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new ClockUnavailableException($"{ClockUrlVariable} is not an absolute URL");
    }

    private sealed class ClockSnapshotDto
    {
        public DateTimeOffset? VirtualEpoch { get; set; }
        public DateTimeOffset? RealEpoch { get; set; }
        public double? Speed { get; set; }
    }
}
