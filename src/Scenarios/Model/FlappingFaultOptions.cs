using Scenarios.Loading;

namespace Scenarios.Model;

/// <summary>Which phase a flapping fault opens with.</summary>
public enum FlappingStart { Down, Up }

/// <summary>
/// Up/down cycles for the whole window: <see cref="Down"/> of outage (answered like an outage), then <see cref="Up"/>
/// of normal service, and again; each phase lengthened or shortened by a seeded draw within ±<see cref="Jitter"/>.
/// </summary>
public sealed record FlappingFaultOptions : RequestFaultOptions
{
    public override string Kind => "flapping";
    public TimeSpan Up { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan Down { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan Jitter { get; init; }
    public FlappingStart StartWith { get; init; } = FlappingStart.Down;

    /// <summary>How a down phase answers (as an outage's <c>response</c>).</summary>
    public OutageResponse Response { get; init; } = OutageResponse.Status;

    public int StatusCode { get; init; } = 503;

    public override IEnumerable<FaultOptionError> Validate() => Rules().Concat(OutageAnswerRules.Validate(Response, StatusCode)).Concat(base.Validate());

    private IEnumerable<FaultOptionError> Rules()
    {
        if (Up <= TimeSpan.Zero)
            yield return new("up", $"up is how long service lasts between failures, so it must be longer than 0, e.g. up: 10m, not {HumanDuration.Format(Up)}");
        if (Down <= TimeSpan.Zero)
            yield return new("down", $"down is how long each failure lasts, so it must be longer than 0, e.g. down: 2m, not {HumanDuration.Format(Down)}");
        if (Jitter < TimeSpan.Zero)
            yield return new("jitter", $"jitter must be 0s or longer, not {HumanDuration.Format(Jitter)}");
        else if (Up > TimeSpan.Zero && Down > TimeSpan.Zero && (Jitter >= Up || Jitter >= Down))
            yield return new("jitter", $"jitter ({HumanDuration.Format(Jitter)}) must be shorter than both up ({HumanDuration.Format(Up)}) and down ({HumanDuration.Format(Down)}), so no phase shrinks to nothing");
    }
}
