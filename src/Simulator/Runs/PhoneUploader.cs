using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Nightscout;

namespace Simulator.Runs;

/// <summary>
/// The patient's phone app, played by the harness: it uploads every reading to one vendor over real HTTP, keeps
/// what failed and sends it again with the next reading, as xDrip+ and the Dexcom app do. One uploader per
/// patient and vendor, so a hung vendor never holds up the other.
/// </summary>
public sealed class PhoneUploader : IAsyncDisposable
{
    /// <summary>Share's field names are PascalCase on the wire (Egvs, SN, DT); no naming policy may touch them.</summary>
    private static readonly JsonSerializerOptions ShareJson = new();
    private readonly Channel<Reading> _incoming = Channel.CreateUnbounded<Reading>(new() { SingleReader = true });
    private readonly List<Reading> _pending = [];
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly RunJournal _journal;
    private readonly string _patient;
    private readonly string _vendor;
    private readonly Func<IReadOnlyList<Reading>, CancellationToken, Task<int>> _send;
    private readonly Task _loop;
    private string? _shareSession;

    private PhoneUploader(HttpClient http, TimeProvider clock, RunJournal journal, string patient, string vendor,
        Func<PhoneUploader, Func<IReadOnlyList<Reading>, CancellationToken, Task<int>>> send)
    {
        (_http, _clock, _journal, _patient, _vendor) = (http, clock, journal, patient, vendor);
        _send = send(this);
        _loop = Task.Run(RunAsync);
    }

    public static PhoneUploader ToShare(HttpClient http, TimeProvider clock, RunJournal journal, Uri servicesUrl, ShareAccount account) =>
        new(http, clock, journal, account.Patient, VendorIds.DexcomShare, self => (batch, ct) => self.UploadToShareAsync(servicesUrl, account, batch, ct));

    public static PhoneUploader ToNightscout(HttpClient http, TimeProvider clock, RunJournal journal, Uri siteUrl, NightscoutSite site) =>
        new(http, clock, journal, site.Patient, VendorIds.Nightscout, self => (batch, ct) => self.UploadToNightscoutAsync(siteUrl, site, batch, ct));

    public void Enqueue(Reading reading) => _incoming.Writer.TryWrite(reading);

    private async Task RunAsync()
    {
        while (await _incoming.Reader.WaitToReadAsync())
        {
            while (_incoming.Reader.TryRead(out var reading)) _pending.Add(reading);
            int status;
            string? error = null;
            // No virtual timeout here: at 3000x a virtual minute is 20 ms of real time, shorter than an honest request.
            // The shared HttpClient's real timeout guards the I/O; a "timeout" fault ends the request on the run's clock.
            try { status = await _send(_pending, CancellationToken.None); }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                status = 0;
                error = e is OperationCanceledException ? "timed out" : "connection failed";
            }
            _journal.Append(new UploadAttempted
            {
                At = _clock.GetUtcNow(), Patient = _patient, Vendor = _vendor, Readings = _pending.Count, Status = status, Error = error,
            });
            if (status is >= 200 and < 300) _pending.Clear();
        }
    }

    private async Task<int> UploadToShareAsync(Uri servicesUrl, ShareAccount account, IReadOnlyList<Reading> batch, CancellationToken ct)
    {
        if (_shareSession is null)
        {
            // The uploader path still logs in by name (xDrip+'s DexcomShare uploader does).
            using var login = await _http.PostAsJsonAsync(new Uri(servicesUrl, "General/LoginPublisherAccountByName"),
                new { accountName = account.AccountName, password = account.Password, applicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db" }, ct);
            if (!login.IsSuccessStatusCode) return (int)login.StatusCode;
            _shareSession = await login.Content.ReadFromJsonAsync<string>(ct);
        }
        var payload = new
        {
            SN = $"SM{account.AccountId.ToString("N")[..8].ToUpperInvariant()}",
            TA = -5,
            Egvs = batch.Select(r => new
            {
                DT = $"/Date({r.SensorTime.ToUnixTimeMilliseconds()})/",
                ST = $"/Date({r.SensorTime.ToUnixTimeMilliseconds()})/",
                Trend = (int)r.Trend,
                Value = r.Mgdl,
            }),
        };
        using var response = await _http.PostAsJsonAsync(new Uri(servicesUrl, $"Publisher/PostReceiverEgvRecords?sessionId={_shareSession}"), payload, ShareJson, ct);
        if ((int)response.StatusCode == 500 && (await response.Content.ReadAsStringAsync(ct)).Contains("SessionIdNotFound", StringComparison.Ordinal))
            _shareSession = null;
        return (int)response.StatusCode;
    }

    private async Task<int> UploadToNightscoutAsync(Uri siteUrl, NightscoutSite site, IReadOnlyList<Reading> batch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(siteUrl + "/api/v1/entries"))
        {
            Content = JsonContent.Create(batch.Select(r => new
            {
                type = "sgv", sgv = r.Mgdl, date = r.SensorTime.ToUnixTimeMilliseconds(),
                dateString = r.SensorTime.UtcDateTime.ToString("O"), direction = r.Trend.ToNightscoutDirection(),
                device = "cgm-simulator-phone",
            }), options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        request.Headers.Add("api-secret", NightscoutSite.HashForHeader(site.ApiSecret));
        using var response = await _http.SendAsync(request, ct);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _loop;
    }
}
