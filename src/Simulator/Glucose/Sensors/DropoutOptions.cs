namespace Simulator.Glucose.Sensors;

/// <summary>
/// Transient disconnections (spec §11.3): ~90 % last under 20 min, more frequent by day (Facchinetti2016), drawn
/// from a three-state Markov chain (connected → short or long loss → connected). The episode rates are our choice
/// (the spec gives none): about 5 episodes a day and ~3 % of readings lost, i.e. ~97 % capture, in line with the
/// ≥ 90 % completeness real datasets are filtered to (§11.3, Awesome-CGM). Dropped readings are not backfilled here;
/// model backfill (G7 up to 24 h, §11.3) in the transport layer if it matters.
/// </summary>
public sealed record DropoutOptions
{
    public static DropoutOptions Default { get; } = new();

    public static DropoutOptions Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    /// <summary>New episodes per hour while awake.</summary>
    public double EpisodesPerHourAwake { get; init; } = 0.25;

    /// <summary>New episodes per hour while asleep (half the daytime rate: "more frequent during the day").</summary>
    public double EpisodesPerHourAsleep { get; init; } = 0.125;

    /// <summary>Share of episodes that are short; with the means below ~90 % of losses are under 20 min.</summary>
    public double ShortShare { get; init; } = 0.92;

    /// <summary>Mean of the (geometric) short-episode length.</summary>
    public double ShortMeanMinutes { get; init; } = 5;

    /// <summary>Mean of the (geometric) long-episode length (a phone left in another room).</summary>
    public double LongMeanMinutes { get; init; } = 40;
}
