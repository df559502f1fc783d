namespace Simulator.Glucose.Physiology;

/// <summary>
/// What drives the right-hand side during one minute (held constant over it, spec 1.7), in model units:
/// meal glucose D(t) in mg/min (= g/min × 1000), subcutaneous insulin u(t) in pmol/kg/min (= U/min × 6000 / BW),
/// the gastric-emptying anchor D̄ in mg (spec 1.3/1.6), and the two exercise multipliers of
/// <see cref="ExerciseEffect"/> (1 = no exercise effect).
/// </summary>
public readonly record struct ModelInputs(
    double MealMgPerMinute,
    double InsulinPmolPerKgPerMinute,
    double DbarMg,
    double UptakeScale = 1,
    double FsncScale = 1)
{
    /// <summary>Basal infusion only, nothing eaten, no exercise: the CSV steady state's inputs.</summary>
    public static ModelInputs Basal(PatientParameters p) => new(0, p.U2ss, 0);
}
