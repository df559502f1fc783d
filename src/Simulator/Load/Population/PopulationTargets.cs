using Scenarios.Model;
using Simulator.Vendors;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.Nightscout;

namespace Simulator.Load.Population;

/// <summary>
/// The services a population load talks to: for each vendor the load needs, either an external loopback endpoint
/// (a team's own service) or the harness's fake started here on loopback, with every account, site and token of the
/// population registered, journalling into the run's journal (as <c>RunOrchestrator</c> builds its fakes).
/// </summary>
internal sealed class PopulationTargets : IDisposable
{
    private PopulationTargets() { }

    public DexcomShareFake? ShareFake { get; private init; }
    public NightscoutFake? NightscoutFake { get; private init; }
    public FcmFake? FcmFake { get; private init; }

    /// <summary>Share's services URL (<c>…/ShareWebServices/Services/</c>), or null when the load sends nothing to Share.</summary>
    public Uri? ShareServices { get; private init; }
    public Uri? FcmBase { get; private init; }
    private PopulationEndpoints Endpoints { get; init; } = PopulationEndpoints.BuiltIn;

    public static PopulationTargets Start(PopulationLoad load, FakeContext context)
    {
        var options = load.Options;
        var endpoints = options.Endpoints;
        var needsShare = options.Uploads.Contains(VendorIds.DexcomShare) || load.Polls is not null;
        var needsNightscout = options.Uploads.Contains(VendorIds.Nightscout);
        var needsFcm = load.Pushes is not null;
        var share = needsShare && endpoints.Share is null
            ? new DexcomShareFake(context, load.Patients.Select(p => p.Share), TimeSpan.Zero, new Random(options.Seed ^ 0x5A4E))
            : null;
        var nightscout = needsNightscout && endpoints.Nightscout is null ? new NightscoutFake(context, load.Patients.Select(p => p.Nightscout)) : null;
        var fcm = needsFcm && endpoints.Fcm is null ? new FcmFake(context, load.FcmProject, load.FcmAccessToken) : null;
        share?.Start();
        nightscout?.Start();
        fcm?.Start();
        return new PopulationTargets
        {
            ShareFake = share, NightscoutFake = nightscout, FcmFake = fcm, Endpoints = endpoints,
            ShareServices = !needsShare ? null : share?.ServicesUrl ?? ServicesPath(endpoints.Share!),
            FcmBase = !needsFcm ? null : fcm?.BaseUrl ?? endpoints.Fcm,
        };
    }

    /// <summary>The patient's Nightscout site: the fake's per-patient path, or the external endpoint.</summary>
    public Uri NightscoutSite(LoadPatient patient) =>
        NightscoutFake?.SiteUrl(patient.Id) ?? Endpoints.NightscoutSite(patient.Id);

    /// <summary>What the report shows as each vendor's target.</summary>
    public IReadOnlyDictionary<string, string> Describe(PopulationLoad load)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ShareServices is not null) targets[VendorIds.DexcomShare] = Label(ShareServices, ShareFake is not null);
        if (load.Options.Uploads.Contains(VendorIds.Nightscout))
            targets[VendorIds.Nightscout] = NightscoutFake is not null ? Label(NightscoutFake.BaseUrl, true) : $"{Endpoints.Nightscout} (external)";
        if (FcmBase is not null) targets[VendorIds.Fcm] = Label(FcmBase, FcmFake is not null);
        return targets;
    }

    private static string Label(Uri url, bool builtIn) => $"{url} ({(builtIn ? "built-in fake" : "external")})";

    public async Task WarmUpAsync(HttpClient http, CancellationToken ct)
    {
        foreach (var fake in new VendorFake?[] { ShareFake, NightscoutFake, FcmFake }.OfType<VendorFake>())
            await fake.WarmUpAsync(http, ct);
    }

    /// <summary>An external Share given as its root gets the services path the API lives under.</summary>
    private static Uri ServicesPath(Uri share) =>
        share.AbsolutePath.Contains(ShareWire.BasePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? share
            : new Uri(share.AbsoluteUri.TrimEnd('/') + ShareWire.BasePath);

    public void Dispose()
    {
        ShareFake?.Dispose();
        NightscoutFake?.Dispose();
        FcmFake?.Dispose();
    }
}
