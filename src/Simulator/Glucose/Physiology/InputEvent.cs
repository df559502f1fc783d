namespace Simulator.Glucose.Physiology;

internal enum InputEventKind
{
    // Declaration order is the processing order within one minute: endings before beginnings.
    MealEnd,
    ExerciseEnd,
    MealStart,
    ExerciseStart,
    Bolus,
    SensitivityChange,
}

/// <summary>
/// A change of a patient's inputs at the start of minute <see cref="Minute"/> (minutes since the cohort start).
/// Meals carry their eating rate (g/min) and grams; exercise carries the multipliers of <see cref="ExerciseEffect"/>.
/// </summary>
internal readonly record struct InputEvent(
    int Minute,
    InputEventKind Kind,
    double Rate = 0,
    double Grams = 0,
    bool Bolused = false,
    double Uptake = 0,
    double Fsnc = 0,
    double TailAmplitude = 0);
