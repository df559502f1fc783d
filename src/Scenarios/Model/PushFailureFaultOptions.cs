namespace Scenarios.Model;

/// <summary>How a push channel fails.</summary>
public enum PushFailureMode
{
    /// <summary>Accepted with the provider's normal success answer but never delivered (journaled as dropped).</summary>
    Drop,
    /// <summary>Refused, answered like an outage (<c>response</c>).</summary>
    Fail,
}

/// <summary>
/// A push channel fails while data vendors are fine (CareLink, April 2024: glucose flowed, alarms did not).
/// <see cref="Ratio"/> below 1 affects that share of messages, each drawing from the run's seeded randomness.
/// </summary>
public sealed record PushFailureFaultOptions : RequestFaultOptions
{
    public override string Kind => "push-failure";
    public PushFailureMode Mode { get; init; } = PushFailureMode.Drop;

    /// <summary>Fail only: how the refusal answers.</summary>
    public OutageResponse Response { get; init; } = OutageResponse.Status;

    public int StatusCode { get; init; } = 503;
    public double Ratio { get; init; } = 1.0;

    public override IEnumerable<FaultOptionError> Validate() =>
        (Mode == PushFailureMode.Fail ? OutageAnswerRules.Validate(Response, StatusCode) : [])
            .Concat(OutageAnswerRules.ValidateRatio(Ratio, "ratio is the share of messages that are lost"))
            .Concat(base.Validate());
}
