namespace Simulator.Glucose.Sensors;

/// <summary>
/// Which sensor artifacts to simulate (spec glucose-model.md §2 noise, §11 artifacts). Every property has a
/// realistic default; each artifact can be switched off on its own, and switching one off never changes the random
/// draws of another (each has its own seeded stream).
/// </summary>
public sealed record SensorOptions
{
    /// <summary>Defaults: noise and every artifact on, no extra lag, no sensor starts (already warm).</summary>
    public static SensorOptions Default { get; } = new();

    /// <summary>An ideal sensor: no noise, no artifacts; a reading is round(input) within the reportable range.</summary>
    public static SensorOptions Ideal { get; } = new()
    {
        Noise = false,
        CompressionLows = CompressionLowOptions.Off,
        Dropouts = DropoutOptions.Off,
        SensorErrors = SensorErrorOptions.Off,
        WarmUp = WarmUpOptions.Off,
    };

    /// <summary>simglucose's additive Johnson SU noise (§2).</summary>
    public bool Noise { get; init; } = true;

    /// <summary>
    /// Time constant τ of a first-order blood→interstitium lag, dIG/dt = (BG − IG)/τ (§11.1, Breton2008 eq. 12.6).
    /// Use it when the input is plasma glucose or a recorded/scripted trace (physiological delay 5–10 min, §11.1);
    /// leave it 0 when the input is already interstitial, as the UVA/Padova Gs is (its ksc is the lag).
    /// </summary>
    public double ExtraLagMinutes { get; init; }

    public CompressionLowOptions CompressionLows { get; init; } = CompressionLowOptions.Default;

    public DropoutOptions Dropouts { get; init; } = DropoutOptions.Default;

    public SensorErrorOptions SensorErrors { get; init; } = SensorErrorOptions.Default;

    public WarmUpOptions WarmUp { get; init; } = WarmUpOptions.Default;

    /// <summary>
    /// A scenario-level salt mixed with the per-patient seed given to <see cref="SensorModel"/>, so one scenario can
    /// re-roll every sensor without changing patient seeds.
    /// </summary>
    public long Seed { get; init; }
}
