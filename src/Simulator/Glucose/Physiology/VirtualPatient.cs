namespace Simulator.Glucose.Physiology;

/// <summary>
/// One of the 30 UVA/Padova virtual patients: model parameters from <c>vpatient_params.csv</c> and the therapy
/// figures of <c>Quest.csv</c> (spec 4): carb ratio (g/U), correction factor (mg/dL per U), age (years) and
/// total daily insulin (U/day).
/// </summary>
public sealed record VirtualPatient(
    string Name,
    AgeGroup AgeGroup,
    int Age,
    double BodyWeightKg,
    double CarbRatio,
    double CorrectionFactor,
    double TotalDailyInsulin,
    PatientParameters Parameters)
{
    /// <summary>Basal rate the basal–bolus policy delivers: u2ss × BW / 6000 U/min, in U/h (spec 1.5).</summary>
    public double BasalUnitsPerHour => Parameters.U2ss * Parameters.BW / UvaPadovaModel.PmolPerUnit * 60;

    /// <summary>Interstitial glucose at the CSV steady state, Gs/Vg in mg/dL (spec 1.3 output).</summary>
    public double SteadyStateMgdl => Parameters.InitialState[UvaPadovaState.Gs] / Parameters.Vg;

    public override string ToString() => Name;
}
