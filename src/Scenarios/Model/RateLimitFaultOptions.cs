using Scenarios.Loading;

namespace Scenarios.Model;

/// <summary>Who shares a rate-limit budget.</summary>
public enum RateLimitScope
{
    /// <summary>Each client its own budget: the account behind the request, or its User-Agent when it names none.</summary>
    Client,
    /// <summary>One budget for every request the fault reaches.</summary>
    Global,
}

/// <summary>
/// Requests over <see cref="Limit"/> per <see cref="Window"/> (or every request, when there is no limit) get 429 with
/// a <c>Retry-After</c> header, in the vendor's own words. Windows are fixed, counted from the fault's start.
/// </summary>
public sealed record RateLimitFaultOptions : RequestFaultOptions
{
    /// <summary>Retry-After for a fault that refuses every request, when the scenario gives none.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);

    public override string Kind => "rate-limit";

    /// <summary>Requests allowed per window; null refuses every request.</summary>
    public int? Limit { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
    public RateLimitScope Scope { get; init; } = RateLimitScope.Client;

    /// <summary>The Retry-After sent; null means "when the window resets" (or <see cref="DefaultRetryAfter"/> without a limit).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override IEnumerable<FaultOptionError> Validate()
    {
        if (Limit is < 1)
            yield return new("limit", $"limit must allow at least 1 request per window, e.g. limit: 60/min, not {Limit}; to refuse every request leave limit out");
        if (Window <= TimeSpan.Zero)
            yield return new("limit", $"the rate window must be longer than 0, e.g. limit: 60/min, not {HumanDuration.Format(Window)}");
        if (RetryAfter is { } r && (r < TimeSpan.Zero || r.Ticks % TimeSpan.TicksPerSecond != 0))
            yield return new("retryAfter", $"Retry-After is sent in whole seconds, 0 or more, so write e.g. retryAfter: 30s, not {r.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s");
        foreach (var error in base.Validate())
            yield return error;
    }
}
