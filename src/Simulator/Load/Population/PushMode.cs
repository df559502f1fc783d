using System.Globalization;
using Scenarios.Loading;

namespace Simulator.Load.Population;

/// <summary>
/// What drives the push fan-out. Threshold crossings are the domain's own trigger, but in the first virtual hours of
/// a generated population they are rare (32 crossings among 10,000 patients in the first hour from midnight UTC, seed
/// 1), too few to load a push service; so the default is a steady push per follower every <see cref="Every"/>.
/// </summary>
public sealed record PushMode
{
    private PushMode(TimeSpan? every, bool onCrossings) => (Every, OnCrossings) = (every, onCrossings);

    /// <summary>One push per follower every this much virtual time; null when pushes follow crossings or are off.</summary>
    public TimeSpan? Every { get; }

    /// <summary>One push per follower of a patient whenever the patient's reading crosses 55, 70 (down) or 250 (up).</summary>
    public bool OnCrossings { get; }

    public bool IsOff => Every is null && !OnCrossings;

    public static PushMode Off { get; } = new(null, false);
    public static PushMode Crossings { get; } = new(null, true);
    public static PushMode EveryFollower(TimeSpan every) => new(every, false);

    public static readonly TimeSpan Default = TimeSpan.FromMinutes(15);

    /// <summary><c>15m</c> (any duration: one push per follower that often), <c>crossings</c> or <c>off</c>.</summary>
    public static bool TryParse(string? text, out PushMode mode, out string error)
    {
        mode = Off;
        error = "";
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "off": return true;
            case "crossings": mode = Crossings; return true;
        }
        if (!HumanDuration.TryParse(text, out var every, out _) || every <= TimeSpan.Zero)
        {
            error = $"--pushes '{text}' is not a push mode; give a duration (one push per follower that often in virtual time, e.g. 15m), crossings (one per follower at each threshold crossing) or off.";
            return false;
        }
        mode = EveryFollower(every);
        return true;
    }

    public override string ToString() =>
        OnCrossings ? "crossings" : Every is { } e ? $"every {e.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} virtual min per follower" : "off";
}
