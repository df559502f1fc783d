namespace Simulator.Glucose.Physiology;

/// <summary>What one simulated patient has eaten and been given since the cohort start.</summary>
/// <param name="EatenGrams">Carbohydrate eaten, g.</param>
/// <param name="InsulinUnits">All insulin infused (basal + bolus), U.</param>
/// <param name="BolusUnits">Bolus insulin only, U.</param>
public readonly record struct PatientTotals(double EatenGrams, double InsulinUnits, double BolusUnits);
