using System.Globalization;
using Scenarios.Loading;
using Scenarios.Loading.Faults;
using Scenarios.Model;

namespace Simulator.Load.Recovery;

/// <summary>
/// How the backlog comes out at recovery, as <c>--release</c> writes it: <c>drain:5000/s</c> (in the order accepted, at a
/// rate; also <c>/min</c>, <c>/h</c>), <c>burst</c> (all at once) or <c>reorder[:30m]</c> (spread over a span in a seeded
/// random order). It becomes the options of the run's backlog fault, so the run uses exactly what a scenario would.
/// </summary>
public sealed record RecoveryRelease(BacklogRelease Mode, double DrainPerSecond, TimeSpan ReorderOver)
{
    public static readonly TimeSpan DefaultReorderOver = TimeSpan.FromMinutes(30);
    public static readonly RecoveryRelease Default = new(BacklogRelease.DrainRate, 5000, TimeSpan.Zero);
    private const string Forms = "drain:5000/s, burst, or reorder (optionally over a span, e.g. reorder:30m)";

    /// <param name="error">What is wrong and what to write instead.</param>
    public static bool TryParse(string? text, out RecoveryRelease release, out string error)
    {
        release = Default;
        error = "";
        var s = (text ?? "").Trim();
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var (mode, argument) = colon < 0 ? (s, null) : (s[..colon], s[(colon + 1)..]);
        switch (mode)
        {
            case "burst" when argument is null:
                release = new RecoveryRelease(BacklogRelease.Burst, 0, TimeSpan.Zero);
                return true;
            case "drain" when argument is not null:
                if (!DrainRate.TryParse(argument, out var perSecond) || perSecond <= 0)
                {
                    error = $"--release {s}: '{argument}' is not a drain rate above 0; write readings per virtual second, e.g. drain:5000/s (or per minute or hour: drain:300/min, drain:600/h), or burst.";
                    return false;
                }
                release = new RecoveryRelease(BacklogRelease.DrainRate, perSecond, TimeSpan.Zero);
                return true;
            case "reorder":
                var over = DefaultReorderOver;
                if (argument is not null && (!HumanDuration.TryParse(argument, out over) || over <= TimeSpan.Zero))
                {
                    error = $"--release {s}: '{argument}' is not a span longer than 0 for the shuffled backlog to come out over; write e.g. reorder:30m or reorder:2h.";
                    return false;
                }
                release = new RecoveryRelease(BacklogRelease.Reorder, 0, over);
                return true;
        }
        error = mode == "drain"
            ? $"--release drain needs a rate, e.g. drain:5000/s (readings per virtual second)."
            : $"--release '{s}' is not a release mode; write {Forms}.";
        return false;
    }

    /// <summary>The backlog fault's options for this release.</summary>
    public BacklogFaultOptions ToFaultOptions(BacklogNewUploads newUploads, int seed) => new()
    {
        Release = Mode,
        DrainPerSecond = DrainPerSecond,
        ReorderOver = ReorderOver,
        Seed = seed,
        NewUploads = newUploads,
    };

    /// <summary>How long releasing <paramref name="withheld"/> readings takes.</summary>
    public TimeSpan DrainDuration(long withheld) => Mode switch
    {
        BacklogRelease.Burst => TimeSpan.Zero,
        BacklogRelease.Reorder => ReorderOver,
        _ => TimeSpan.FromSeconds(withheld / DrainPerSecond),
    };

    public override string ToString() => Mode switch
    {
        BacklogRelease.Burst => "burst",
        BacklogRelease.Reorder => "reorder:" + HumanDuration.Format(ReorderOver),
        _ => "drain:" + DrainPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + "/s",
    };
}
