using System.Globalization;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Vendors;
using Simulator.Vendors.Apns;
using Simulator.Vendors.DexcomApi;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.LibreLinkUp;
using Simulator.Vendors.Nightscout;
using Simulator.Vendors.Twilio;
using Simulator.Vendors.Webhook;

namespace Simulator.Runs;

/// <summary>
/// The vendor fakes a scenario puts in play, each started on its own port, with the run's accounts. A rehearsal and
/// <c>simulator fakes serve</c> both build their fakes here, so a team's app meets the same fakes the harness scores.
/// </summary>
public sealed class FakeSet : IDisposable
{
    private readonly Scenario _scenario;
    private readonly RunCredentials _credentials;
    private readonly List<VendorFake> _all = [];

    /// <param name="start">Starts a fake (default: HTTP on a free loopback port); <c>fakes serve</c> passes its bind, ports and certificate.</param>
    public FakeSet(Scenario scenario, FakeContext context, RunCredentials credentials, Action<VendorFake>? start = null)
    {
        (_scenario, _credentials) = (scenario, credentials);
        var vendors = scenario.Vendors;
        if (vendors.Contains(VendorIds.DexcomShare))
            _all.Add(Share = new DexcomShareFake(context, credentials.Share.Values, scenario.Start.Offset, new Random(scenario.Seed ^ 0x5A4E)));
        if (vendors.Contains(VendorIds.Nightscout))
            _all.Add(Nightscout = new NightscoutFake(context, credentials.Nightscout.Values));
        if (vendors.Contains(VendorIds.LibreLinkUp))
            _all.Add(LibreLinkUp = new LibreLinkUpFake(context, credentials.LibreLinkUp.Values,
                new LibreLinkUpOptions { DisplayOffset = scenario.Start.Offset }, new Random(scenario.Seed ^ 0x11B)));
        if (vendors.Contains(VendorIds.DexcomApi))
            _all.Add(DexcomApi = new DexcomApiFake(context, new DexcomApiOptions { Client = credentials.DexcomApiClient, DisplayOffset = scenario.Start.Offset },
                credentials.DexcomApi.Values, new Random(scenario.Seed ^ 0xD3A)));
        if (vendors.Contains(VendorIds.Fcm))
            _all.Add(Fcm = new FcmFake(context, RunCredentials.FcmProject, credentials.FcmAccessToken));
        if (vendors.Contains(VendorIds.Apns))
            _all.Add(Apns = new ApnsFake(context, new ApnsOptions
            {
                Topic = RunCredentials.ApnsTopic,
                ProviderKeys = [new ApnsProviderKey(credentials.ApnsTeamId, credentials.ApnsKeyId, credentials.ApnsSigningKeyPem)],
            }, credentials.ApnsTokens.ToDictionary(kv => kv.Value, kv => kv.Key), new Random(scenario.Seed ^ 0xA95)));
        if (vendors.Contains(VendorIds.Twilio))
            _all.Add(Twilio = new TwilioFake(context, new TwilioOptions
            {
                AccountSid = credentials.TwilioAccountSid, AuthToken = credentials.TwilioAuthToken, FromNumbers = [RunCredentials.TwilioFrom],
            }, new Random(scenario.Seed ^ 0x5A5)));
        if (vendors.Contains(VendorIds.Webhook))
            _all.Add(Webhook = new WebhookFake(context, new WebhookOptions { Secret = credentials.WebhookSecret }));
        // In the order the scenario lists them, so port-base N gives the same vendor the same port every time.
        _all.Sort((a, b) => IndexOf(a).CompareTo(IndexOf(b)));
        try
        {
            foreach (var fake in _all) (start ?? (f => f.Start()))(fake);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public DexcomShareFake? Share { get; }
    public NightscoutFake? Nightscout { get; }
    public FcmFake? Fcm { get; }
    public LibreLinkUpFake? LibreLinkUp { get; }
    public DexcomApiFake? DexcomApi { get; }
    public ApnsFake? Apns { get; }
    public TwilioFake? Twilio { get; }
    public WebhookFake? Webhook { get; }

    /// <summary>Every fake in play, in the order the scenario's <c>vendors</c> lists them.</summary>
    public IReadOnlyList<VendorFake> All => _all;

    private int IndexOf(VendorFake fake)
    {
        var index = _scenario.Vendors.ToList().IndexOf(fake.Vendor);
        return index < 0 ? int.MaxValue : index;
    }

    public async Task WarmUpAsync(HttpClient http, CancellationToken ct)
    {
        foreach (var fake in _all)
            await fake.WarmUpAsync(http, ct);
    }

    /// <summary>
    /// A reading reaches the clouds no phone app of the harness uploads to (LibreLinkUp's LibreView, Dexcom's own
    /// pipeline behind API v3): the run stores it there directly, as the vendor's own app would have, under the
    /// same backlog faults.
    /// </summary>
    public void FeedDirect(Reading reading)
    {
        foreach (var store in DirectStores()) store.Accept(reading);
    }

    /// <summary>Stores of data vendors fed directly by the run (not by a phone upload).</summary>
    private IEnumerable<ReadingStore> DirectStores()
    {
        if (LibreLinkUp is not null) yield return LibreLinkUp.Store;
        if (DexcomApi is not null) yield return DexcomApi.Store;
    }

    /// <summary>Every data vendor's store, for a standalone serve that plays the uploads itself.</summary>
    public IEnumerable<ReadingStore> AllStores()
    {
        if (Share is not null) yield return Share.Store;
        if (Nightscout is not null) yield return Nightscout.Store;
        foreach (var store in DirectStores()) yield return store;
    }

    public Dictionary<string, List<PhoneUploader>> Uploaders(HttpClient http, TimeProvider clock, RunJournal journal, Func<string, bool>? except) =>
        _scenario.Patients.Where(p => except is null || !except(p.Id)).ToDictionary(p => p.Id, p => p.UploadsTo.Select(vendor => vendor switch
        {
            VendorIds.DexcomShare => PhoneUploader.ToShare(http, clock, journal, Share!.ServicesUrl, _credentials.Share[p.Id]),
            VendorIds.Nightscout => PhoneUploader.ToNightscout(http, clock, journal, Nightscout!.SiteUrl(p.Id), _credentials.Nightscout[p.Id]),
            _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"The phone app cannot upload to '{vendor}'.")),
        }).ToList());

    public void Dispose()
    {
        foreach (var fake in _all) fake.Dispose();
    }
}
