using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

/// <summary>
/// A straightforward one-patient simulation: the scalar <see cref="UvaPadovaModel"/> integrated by textbook RK4
/// (h = 1 min, inputs held for the minute), with the same input schedule the cohort uses. The vectorised cohort
/// is checked against this.
/// </summary>
internal static class ScalarReference
{
    public sealed record Trace(double[] Interstitial, double[] Plasma, double[] FinalState);

    /// <summary>Per-minute interstitial and plasma glucose (mg/dL) after each of <paramref name="minutes"/> minutes.</summary>
    public static Trace Run(PatientPlan plan, DateTimeOffset start, int minutes)
    {
        var p = plan.Patient.Parameters;
        var timeline = PatientTimeline.Compile(plan, start);
        var inputs = PatientInputState.Start(timeline);
        var x = p.InitialState.ToArray();
        var interstitial = new double[minutes];
        var plasma = new double[minutes];
        for (var minute = 0; minute < minutes; minute++)
        {
            var u = inputs.BeginMinute(timeline, p, minute, x);
            Rk4Step(p, x, u);
            inputs.EndMinute(p);
            interstitial[minute] = x[UvaPadovaState.Gs] / p.Vg;
            plasma[minute] = x[UvaPadovaState.Gp] / p.Vg;
        }
        return new Trace(interstitial, plasma, x);
    }

    public static void Rk4Step(PatientParameters p, double[] x, ModelInputs u, double h = 1)
    {
        var n = UvaPadovaModel.StateCount;
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var stage = new double[n];
        UvaPadovaModel.Derivatives(p, x, u, k1);
        for (var i = 0; i < n; i++) stage[i] = x[i] + h / 2 * k1[i];
        UvaPadovaModel.Derivatives(p, stage, u, k2);
        for (var i = 0; i < n; i++) stage[i] = x[i] + h / 2 * k2[i];
        UvaPadovaModel.Derivatives(p, stage, u, k3);
        for (var i = 0; i < n; i++) stage[i] = x[i] + h * k3[i];
        UvaPadovaModel.Derivatives(p, stage, u, k4);
        for (var i = 0; i < n; i++) x[i] += (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) * (h / 6);
    }
}
