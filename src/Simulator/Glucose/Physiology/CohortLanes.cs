namespace Simulator.Glucose.Physiology;

/// <summary>
/// Everything the vector kernel reads and writes for a cohort, laid out structure-of-arrays across patients
/// ("lanes"). The lane count is padded to a multiple of <see cref="CohortKernel.Width"/> with basal-only copies
/// of the first patient, so every real lane always goes through the same vector code whatever the cohort size
/// or the split across threads (that is what makes results bitwise independent of both).
/// </summary>
internal sealed class CohortLanes
{
    public CohortLanes(IReadOnlyList<PatientPlan> plans, DateTimeOffset start)
    {
        Count = plans.Count;
        PaddedCount = (Count + CohortKernel.Width - 1) / CohortKernel.Width * CohortKernel.Width;
        var padded = Enumerable.Range(0, PaddedCount)
            .Select(i => i < Count ? plans[i] : PatientPlan.BasalOnly(plans[0].Patient))
            .ToArray();

        Timelines = [.. padded.Select(plan => PatientTimeline.Compile(plan, start))];
        Inputs = [.. Timelines.Select(PatientInputState.Start)];
        InputColumns = new InputColumns(PaddedCount);
        Parameters = new LaneParameters([.. padded.Select(plan => plan.Patient.Parameters)]);
        State = [.. Enumerable.Range(0, UvaPadovaModel.StateCount)
            .Select(s => padded.Select(plan => plan.Patient.Parameters.InitialState[s]).ToArray())];
        Interstitial = [.. padded.Select(plan => plan.Patient.SteadyStateMgdl)];
        Plasma = [.. padded.Select(plan => plan.Patient.Parameters.InitialState[UvaPadovaState.Gp] / plan.Patient.Parameters.Vg)];
    }

    public int Count { get; }
    public int PaddedCount { get; }
    public PatientTimeline[] Timelines { get; }
    /// <summary>Event bookkeeping per lane; the per-minute fields live in <see cref="InputColumns"/>.</summary>
    public PatientInputState[] Inputs { get; }
    public InputColumns InputColumns { get; }
    public LaneParameters Parameters { get; }

    /// <summary>One array per state (<see cref="UvaPadovaState"/> order), one value per lane.</summary>
    public double[][] State { get; }

    /// <summary>Gs/Vg per lane, mg/dL, as of the last completed minute.</summary>
    public double[] Interstitial { get; }

    /// <summary>Gp/Vg per lane, mg/dL, as of the last completed minute.</summary>
    public double[] Plasma { get; }
}
