namespace Scenarios.Model;

/// <summary>
/// How a failing vendor answers: an HTTP error in its own words, a connection reset, no answer at all, an empty
/// body, or its real answer cut in half (invalid in its own content type).
/// </summary>
public enum OutageResponse { Status, Reset, Timeout, Empty, Malformed }

/// <summary>
/// The vendor fails requests. <see cref="Ratio"/> below 1 makes it intermittent ("server error, sometimes
/// works"), each request drawing from the run's seeded randomness.
/// </summary>
public sealed record OutageFaultOptions : RequestFaultOptions
{
    public override string Kind => "outage";
    public OutageResponse Response { get; init; } = OutageResponse.Status;

    /// <summary>The status answered: an error for <see cref="OutageResponse.Status"/>; for empty and malformed answers the scenario default is 200.</summary>
    public int StatusCode { get; init; } = 503;

    public double Ratio { get; init; } = 1.0;

    public override IEnumerable<FaultOptionError> Validate() =>
        OutageAnswerRules.Validate(Response, StatusCode)
            .Concat(OutageAnswerRules.ValidateRatio(Ratio, "ratio is the share of requests that fail"))
            .Concat(base.Validate());
}

/// <summary>The rules for an outage-style answer, shared by every kind that can answer like an outage (flapping, push-failure).</summary>
public static class OutageAnswerRules
{
    public static IEnumerable<FaultOptionError> Validate(OutageResponse response, int status)
    {
        switch (response)
        {
            case OutageResponse.Status when status is < 400 or > 599:
                yield return new("response", $"{status} is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed");
                break;
            case OutageResponse.Empty when status is < 200 or > 599:
                yield return new("status", $"an empty answer needs an HTTP status 200..599 (default 200), not {status}");
                break;
            case OutageResponse.Malformed when status is < 200 or > 599 or 204 or 205 or 304:
                yield return new("status", $"a malformed answer needs a status that carries a body: 200..599 other than 204, 205 and 304 (default 200), not {status}");
                break;
        }
    }

    /// <param name="what">What the ratio means, e.g. "ratio is the share of requests that fail".</param>
    public static IEnumerable<FaultOptionError> ValidateRatio(double ratio, string what)
    {
        if (!(ratio > 0 && ratio <= 1))
            yield return new("ratio", $"{what}, so it must be more than 0 and at most 1, not {RequestFaultFilter.Show(ratio)}");
    }
}
