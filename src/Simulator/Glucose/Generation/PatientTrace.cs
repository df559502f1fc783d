using Scenarios.Model;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>
/// One virtual patient's days with a seeded everyday life, as <c>simulator traces generate</c> writes them: true
/// blood glucose and what the chosen sensor reported, at the sensor's cadence.
/// </summary>
public static class PatientTrace
{
    /// <param name="patient">A UVA/Padova patient name, e.g. <c>adult#001</c>.</param>
    /// <param name="sensor">The sensor kind, or null for an ideal 5-minute sensor (no noise, no artifacts).</param>
    public static IEnumerable<TracePoint> Generate(string patient, TimeSpan duration, int seed, SensorKind? sensor, DateTimeOffset start)
    {
        var life = GeneratedLife.For(new UvaPadovaTraceSpec { Patient = patient }, seed, start, duration);
        var simulator = new CohortSimulator([life.PlanFor(VirtualPatients.Get(patient))], start, maxDegreeOfParallelism: 1);
        var options = sensor is null
            ? SensorOptions.Ideal
            : SensorOptions.Default with { WarmUp = WarmUpOptions.Default with { SensorStarts = [.. life.SensorSessionStarts.Select(s => start + s)] } };
        var model = new SensorModel(sensor ?? SensorKind.DexcomG6, options, seed, start, life.SleepCheck());
        var every = (int)model.Interval.TotalMinutes;
        var minutes = (int)Math.Ceiling(duration.TotalMinutes);
        for (var minute = 0; minute < minutes; minute++)
        {
            if (minute % every == 0)
            {
                var s = model.Sample(simulator.Now, simulator.InterstitialMgdl[0], simulator.PlasmaMgdl[0]);
                yield return new TracePoint(s.At, s.TruthMgdl, s.Mgdl, s.Trend, s.State);
            }
            simulator.Step();
        }
    }
}
