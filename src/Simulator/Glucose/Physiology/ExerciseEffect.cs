namespace Simulator.Glucose.Physiology;

/// <summary>
/// How exercise enters the model. The 2008 UVA/Padova model has no exercise (spec 1.3 "What the 2008 model does
/// not contain"); spec 10 suggests "a temporary multiplicative increase of Vmx (insulin-dependent uptake) and/or
/// of Fsnc during and for several hours after activity", tuned so a 30–60 min aerobic session lowers glucose by
/// ~10–40 mg/dL. This is that design choice, not a published model:
/// <list type="bullet">
/// <item>During the bout the whole insulin-dependent uptake (Vm0 + Vmx·X) is scaled by 1 + <see cref="BoutUptake"/>
/// and Fsnc by 1 + <see cref="BoutFsnc"/>. The scale is applied to Vm0 as well as Vmx because X is insulin action
/// <i>above basal</i> and is ≈ 0 on basal insulin, so scaling Vmx alone would do nothing to a fasting person.</item>
/// <item>After the bout a tail of raised insulin sensitivity adds <see cref="TailAmplitude"/> to the same uptake
/// scale and decays with time constant <see cref="TailTimeConstantMinutes"/> (several hours), giving the
/// delayed, overnight lows of spec 10 (DirecNet).</item>
/// <item>Everything scales with intensity (light 0.5, moderate 1, vigorous 1.5); the tail also with duration
/// relative to 45 min, capped at twice that.</item>
/// </list>
/// Tuned (tests/.../ExerciseTests) so a 45-minute moderate bout lowers adult plasma glucose by ≈10–40 mg/dL
/// against the same day without it.
/// </summary>
public static class ExerciseEffect
{
    /// <summary>Extra insulin-dependent uptake during a moderate bout (fraction of resting).</summary>
    public const double ModerateBoutUptake = 0.8;

    /// <summary>Extra insulin-independent uptake (Fsnc) during a moderate bout (fraction of resting).</summary>
    public const double ModerateBoutFsnc = 0.5;

    /// <summary>Raised insulin sensitivity right after a 45-minute moderate bout (fraction of resting).</summary>
    public const double ModerateTailAmplitude = 0.12;

    /// <summary>Decay time constant of the post-exercise tail, minutes.</summary>
    public const double TailTimeConstantMinutes = 360;

    /// <summary>Per-minute factor applied to the tail after each simulated minute.</summary>
    public static readonly double TailDecayPerMinute = Math.Exp(-1 / TailTimeConstantMinutes);

    public static double IntensityFactor(ExerciseIntensity intensity) => intensity switch
    {
        ExerciseIntensity.Light => 0.5,
        ExerciseIntensity.Moderate => 1,
        ExerciseIntensity.Vigorous => 1.5,
        _ => throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "Unknown exercise intensity."),
    };

    public static double BoutUptake(ExerciseIntensity intensity) => ModerateBoutUptake * IntensityFactor(intensity);

    public static double BoutFsnc(ExerciseIntensity intensity) => ModerateBoutFsnc * IntensityFactor(intensity);

    public static double TailAmplitude(ExerciseIntensity intensity, TimeSpan duration) =>
        ModerateTailAmplitude * IntensityFactor(intensity) * Math.Min(2, duration.TotalMinutes / 45);
}
