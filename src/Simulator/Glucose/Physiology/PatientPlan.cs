namespace Simulator.Glucose.Physiology;

/// <summary>
/// What one simulated person does: the patient, the meals (each bolused at its start unless
/// <see cref="Meal.Bolused"/> is false) and the exercise bouts. Basal insulin (u2ss) runs all the time.
/// The caller draws these (with its own seeded randomness); the simulator itself is deterministic.
/// </summary>
public sealed record PatientPlan(VirtualPatient Patient, IReadOnlyList<Meal> Meals, IReadOnlyList<Exercise> Exercise)
{
    /// <summary>Day-to-day changes of insulin sensitivity, in time order (none: the patient's parameters all along).</summary>
    public IReadOnlyList<SensitivityShift> Sensitivity { get; init; } = [];

    /// <summary>Basal insulin only: no meals, no exercise.</summary>
    public static PatientPlan BasalOnly(VirtualPatient patient) => new(patient, [], []);
}
