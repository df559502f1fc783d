namespace Simulator.Glucose.Sensors;

/// <summary>
/// simglucose's sensor noise (spec glucose-model.md §2, <c>params/sensor_params.csv</c>, Breton2008): an AR(1) driving
/// sequence on a 15-minute grid, eₙ = PACF·(eₙ₋₁ + wₙ), pushed through a Johnson SU transform
/// ε = ξ + λ·sinh((e − γ)/δ) in mg/dL, then cubic-spline interpolated to the device's sample times.
/// All three simglucose sensors share these numbers; only the sample time differs.
/// </summary>
public sealed record JohnsonSuNoiseParameters(double Pacf, double Gamma, double Lambda, double Delta, double Xi)
{
    /// <summary>The values in simglucose's <c>sensor_params.csv</c> (§2 table; signs as simglucose has them).</summary>
    public static JohnsonSuNoiseParameters Simglucose { get; } = new(Pacf: 0.7, Gamma: -0.5444, Lambda: 15.9574, Delta: 1.6898, Xi: -5.47);

    /// <summary>The AR(1) grid spacing: the model was fitted at a 15-minute lag (§2, Breton2008).</summary>
    public static TimeSpan GridStep { get; } = TimeSpan.FromMinutes(15);

    /// <summary>simglucose's PRECOMPUTE: ten new 15-minute values per spline batch (150 minutes).</summary>
    public const int KnotsPerBatch = 10;
}
