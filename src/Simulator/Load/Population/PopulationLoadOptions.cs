using System.Globalization;
using LoadDriver.Models;
using LoadDriver.Sharding;
using LoadDriver.Targets;
using Scenarios.Model;
using Simulator.Runs;

namespace Simulator.Load.Population;

/// <summary>
/// What population load to offer: how many patients and followers, how much virtual time compressed into how much
/// real time, where uploads go, how pushes are driven, the seed, and which shard of the load this process sends.
/// Every bound is checked by <see cref="Validate"/> before anything is generated or started.
/// </summary>
public sealed record PopulationLoadOptions
{
    public const int MaxPatients = 100_000;
    /// <summary>The cohort gives each patient at most 3 followers.</summary>
    public const int MaxFollowers = 3 * MaxPatients;
    public const int MaxInFlightLimit = 4096;
    /// <summary>No stream may ask for more than this many requests per real second: far beyond what one machine serves.</summary>
    public const double MaxRatePerStream = 200_000;

    public static readonly TimeSpan MinRealSpan = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRealSpan = TimeSpan.FromMinutes(30);
    /// <summary>At least one reading cycle.</summary>
    public static readonly TimeSpan MinVirtualSpan = TimeSpan.FromMinutes(5);
    /// <summary>The glucose table holds a value per patient per 5-minute cycle: a day of 100,000 patients is 58 MB.</summary>
    public static readonly TimeSpan MaxVirtualSpan = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinPushInterval = TimeSpan.FromMinutes(1);

    /// <summary>A CGM reading every 5 minutes, so a phone uploads every 5 minutes.</summary>
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);

    /// <summary>Midnight UTC on a Monday: evening in the US zones, morning in Sydney, so the cohort's lives are mid-day somewhere.</summary>
    public static readonly DateTimeOffset DefaultVirtualStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Patients { get; init; } = 10_000;

    /// <summary>A cap on the followers the cohort gives (1 to 3 per patient); fewer when the cohort has fewer.</summary>
    public int Followers { get; init; } = 2_000;

    public TimeSpan VirtualSpan { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan RealSpan { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Vendor ids (<see cref="VendorIds.DexcomShare"/>, <see cref="VendorIds.Nightscout"/>) each patient uploads to.</summary>
    public IReadOnlyList<string> Uploads { get; init; } = [VendorIds.DexcomShare, VendorIds.Nightscout];

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);
    public PushMode Pushes { get; init; } = PushMode.EveryFollower(PushMode.Default);
    public int Seed { get; init; } = 1;
    public Shard Shard { get; init; } = Shard.Whole;
    public DateTimeOffset VirtualStart { get; init; } = DefaultVirtualStart;
    public PopulationEndpoints Endpoints { get; init; } = PopulationEndpoints.BuiltIn;

    /// <summary>Refused, unjournalled traffic to the built-in fakes before the clock starts (<see cref="FakeWarmUp"/>); zero for none.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;

    /// <summary>Requests in flight per stream: a real client's finite connections.</summary>
    public int MaxInFlight { get; init; } = OpenModel.DefaultMaxInFlight;

    /// <summary>Virtual seconds per real second.</summary>
    public double Compression => VirtualSpan / RealSpan;

    /// <exception cref="RunFailedException">An option is out of range; the message names it and what to give instead.</exception>
    public void Validate()
    {
        if (Patients is < 1 or > MaxPatients)
            Fail($"--patients {Patients} is out of range; give 1 to {MaxPatients}.");
        if (Followers is < 0 or > MaxFollowers)
            Fail($"--followers {Followers} is out of range; give 0 to {MaxFollowers} (it caps the 1 to 3 followers the cohort gives each patient).");
        if (RealSpan < MinRealSpan || RealSpan > MaxRealSpan)
            Fail($"--real {Span(RealSpan)} is out of range; give 1s to 30m (one run is bounded to 30 real minutes: for a longer soak, run it again).");
        if (VirtualSpan < MinVirtualSpan || VirtualSpan > MaxVirtualSpan)
            Fail($"--virtual {Span(VirtualSpan)} is out of range; give 5m (one reading cycle) to 24h.");
        if (VirtualSpan < RealSpan)
            Fail($"--virtual {Span(VirtualSpan)} is shorter than --real {Span(RealSpan)}; the load compresses virtual time, so give a virtual span at least as long as the real one.");
        if (PollInterval < MinPollInterval || PollInterval > MaxPollInterval)
            Fail($"--poll-every {Span(PollInterval)} is out of range; give 30s to 1h of virtual time (real follower apps poll every 1 to 5 minutes).");
        if (Pushes.Every is { } every && (every < MinPushInterval || every > MaxVirtualSpan))
            Fail($"--pushes {Span(every)} is out of range; give 1m to 24h of virtual time between one follower's pushes, or crossings, or off.");
        if (Uploads.Count == 0 || Uploads.Any(u => u is not (VendorIds.DexcomShare or VendorIds.Nightscout)) || Uploads.Distinct().Count() != Uploads.Count)
            Fail($"--uploads '{string.Join(",", Uploads)}' is not a list of upload targets; give share, nightscout or share,nightscout.");
        if (WarmUp < TimeSpan.Zero || WarmUp > TimeSpan.FromMinutes(2))
            Fail($"--warm-up {Span(WarmUp)} is out of range; give 0s (none) to 2m.");
        if (MaxInFlight is < 1 or > MaxInFlightLimit)
            Fail($"--max-in-flight {MaxInFlight} is out of range; give 1 to {MaxInFlightLimit}.");
        foreach (var (flag, url) in new[] { ("--share-url", Endpoints.Share), ("--fcm-url", Endpoints.Fcm) })
            if (url is not null && !LoopbackGuard.IsLoopback(url)) Fail($"{flag}: {LoopbackGuard.RefusalMessage(url)}");
        if (Endpoints.Nightscout is { } ns)
        {
            var probe = ns.Replace(PopulationEndpoints.PatientPlaceholder, "patient", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                Fail($"--nightscout-url '{ns}' is not an absolute http(s) URL; give one like http://127.0.0.1:5080/{{patient}}.");
            else if (!LoopbackGuard.IsLoopback(url))
                Fail($"--nightscout-url: {LoopbackGuard.RefusalMessage(url)}");
        }
        var uploadRate = (double)Patients * Uploads.Count * Compression / ReadingInterval.TotalSeconds;
        if (uploadRate > MaxRatePerStream)
            Fail(string.Create(CultureInfo.InvariantCulture,
                $"The uploads would be offered at {uploadRate:0} requests per second, above the {MaxRatePerStream:0}/s bound; give fewer --patients or a longer --real."));
    }

    private static void Fail(string message) => throw new RunFailedException(message);

    /// <summary>A span the way the options are written (<c>1h</c>, <c>90s</c>).</summary>
    public static string Span(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerHour == 0) return $"{(long)span.TotalHours}h";
        if (span.Ticks % TimeSpan.TicksPerMinute == 0) return $"{(long)span.TotalMinutes}m";
        return $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
    }
}
