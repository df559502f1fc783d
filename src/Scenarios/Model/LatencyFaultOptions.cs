using Scenarios.Loading;

namespace Scenarios.Model;

/// <summary>How the delay before an answer is drawn.</summary>
public enum LatencyDistribution { Fixed, Uniform, Lognormal }

/// <summary>
/// Every answer is delayed by a virtual duration before its first byte (fixed; uniform between min and max; or
/// lognormal around a median), and/or its body trickles out at <see cref="DribbleBytesPerSecond"/>.
/// </summary>
public sealed record LatencyFaultOptions : RequestFaultOptions
{
    /// <summary>The largest spread accepted: at sigma 3 the slowest 1% of answers already take 1000 times the median.</summary>
    public const double MaxSigma = 3;

    public override string Kind => "latency";
    public LatencyDistribution Distribution { get; init; } = LatencyDistribution.Fixed;

    /// <summary>Fixed: the delay. Uniform: the shortest delay. Lognormal: the median delay.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Uniform only: the longest delay.</summary>
    public TimeSpan MaxDelay { get; init; }

    /// <summary>Lognormal only: the standard deviation of ln(delay).</summary>
    public double Sigma { get; init; }

    /// <summary>When set, the body is written at this many bytes per virtual second after the delay (a slow body).</summary>
    public double? DribbleBytesPerSecond { get; init; }

    public override IEnumerable<FaultOptionError> Validate() => Rules().Concat(base.Validate());

    private IEnumerable<FaultOptionError> Rules()
    {
        switch (Distribution)
        {
            case LatencyDistribution.Fixed when Delay < TimeSpan.Zero || (Delay == TimeSpan.Zero && DribbleBytesPerSecond is null):
                yield return new("delay", "a latency fault needs a delay longer than 0, e.g. delay: 30s");
                break;
            case LatencyDistribution.Uniform when Delay < TimeSpan.Zero:
                yield return new("delay.min", $"min must be 0s or longer, not {HumanDuration.Format(Delay)}");
                break;
            case LatencyDistribution.Uniform when MaxDelay <= Delay:
                yield return new("delay.max", $"max ({HumanDuration.Format(MaxDelay)}) must be longer than min ({HumanDuration.Format(Delay)}); for a fixed delay write delay: {HumanDuration.Format(Delay)}");
                break;
            case LatencyDistribution.Lognormal:
                if (Delay <= TimeSpan.Zero)
                    yield return new("delay.median", $"the median delay must be longer than 0, e.g. median: 2s, not {HumanDuration.Format(Delay)}");
                if (!(Sigma > 0 && Sigma <= MaxSigma))
                    yield return new("delay.sigma", $"sigma (the spread of ln(delay)) must be more than 0 and at most {RequestFaultFilter.Show(MaxSigma)}, not {RequestFaultFilter.Show(Sigma)}; for the same delay every time write delay: {HumanDuration.Format(Delay)}");
                break;
        }
        if (DribbleBytesPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
            yield return new("dribble", $"dribble is the body's pace in bytes per virtual second, so it must be more than 0, e.g. dribble: 64/s, not {RequestFaultFilter.Show(rate)}");
    }
}
