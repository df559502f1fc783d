using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Receiver;

/// <summary>
/// Dexcom Share publisher upload for one transmitter: log in by name once, post the batch; when Share says the
/// session is gone (SessionIdNotFound / SessionNotValid), log in again at once and post once more.
/// The receiver serial (<c>SN</c>) sent is the transmitter id.
/// </summary>
internal sealed class ShareUploader(DexcomShareClient share, string serialNumber)
{
    private string? _session;

    public async Task UploadAsync(IReadOnlyList<GlucoseReading> batch, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            _session ??= await share.LoginByNameAsync(ct);
            try
            {
                await share.UploadAsync(_session, serialNumber, batch, ct);
                return;
            }
            catch (ShareSessionExpiredException)
            {
                _session = null;
                if (attempt > 0)
                    throw;
            }
        }
    }
}

/// <summary>Nightscout upload for one transmitter (POST /api/v1/entries with the hashed api-secret).</summary>
internal sealed class NightscoutUploader(NightscoutClient nightscout)
{
    public const string Device = "reference-system-receiver";

    public Task UploadAsync(IReadOnlyList<GlucoseReading> batch, CancellationToken ct) => nightscout.UploadAsync(batch, Device, ct);
}
