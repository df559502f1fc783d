namespace Simulator.Glucose.Physiology;

/// <summary>
/// Simulates many UVA/Padova patients at once, one minute at a time, streaming: only the current state is kept
/// (structure-of-arrays across patients) and callers read <see cref="InterstitialMgdl"/> / <see cref="PlasmaMgdl"/>
/// after each <see cref="Step"/> or <see cref="Advance"/>, or get them handed over at a cadence by
/// <see cref="Run"/>, the fast path for sampling a whole cohort. Integration is fixed-step RK4, h = 1 min, inputs held
/// for the minute (spec 1.7); inputs are basal u2ss always, meals at their eating rate with simglucose's D̄
/// anchoring (spec 1.6), a bolus at each bolused meal's start (spec 4) and exercise per <see cref="ExerciseEffect"/>.
/// Work is split over cores in chunks of <see cref="LanesPerChunk"/> patients; each chunk runs all the requested
/// minutes before the next is taken. Deterministic: no randomness, and results are bitwise the same whatever
/// the degree of parallelism or the cohort size. Not thread-safe: one caller steps a cohort.
/// </summary>
public sealed class CohortSimulator
{
    /// <summary>Patients per parallel work item (a multiple of the vector width).</summary>
    public const int LanesPerChunk = 64;

    private readonly CohortLanes lanes;
    private readonly ParallelOptions parallelOptions;
    private readonly Action<int> runChunk;
    private readonly Action<int> runSampledChunk;
    private int minutesElapsed;
    private int pendingMinutes;
    private CohortKernel.Sampling? pendingSampling;

    /// <param name="plans">One plan per patient; the order is the order of every per-patient span.</param>
    /// <param name="start">Wall-clock time of minute 0; meal and exercise times are taken relative to it.</param>
    /// <param name="maxDegreeOfParallelism">-1 (default) for all cores, 1 to run on the calling thread.</param>
    public CohortSimulator(IReadOnlyList<PatientPlan> plans, DateTimeOffset start, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count == 0) throw new ArgumentException("A cohort needs at least one patient plan.", nameof(plans));
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "Use -1 for all cores or a positive count.");

        Plans = plans;
        Start = start;
        lanes = new CohortLanes(plans, start);
        parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        runChunk = RunChunk;
        runSampledChunk = RunSampledChunk;
    }

    public IReadOnlyList<PatientPlan> Plans { get; }

    public int Count => lanes.Count;

    public DateTimeOffset Start { get; }

    public int MinutesElapsed => minutesElapsed;

    /// <summary>Start plus the minutes stepped so far.</summary>
    public DateTimeOffset Now => Start.AddMinutes(minutesElapsed);

    /// <summary>Interstitial glucose Gs/Vg per patient, mg/dL: what a sensor sees (spec 1.3 output).</summary>
    public ReadOnlySpan<double> InterstitialMgdl => lanes.Interstitial.AsSpan(0, Count);

    /// <summary>Plasma glucose Gp/Vg per patient, mg/dL: the ground truth.</summary>
    public ReadOnlySpan<double> PlasmaMgdl => lanes.Plasma.AsSpan(0, Count);

    /// <summary>Carbohydrate, insulin and bolus delivered to one patient since the start.</summary>
    public PatientTotals TotalsOf(int patient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patient);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(patient, Count);
        var columns = lanes.InputColumns;
        return new PatientTotals(columns.EatenGrams[patient], columns.InsulinUnits[patient], lanes.Inputs[patient].BolusUnits);
    }

    /// <summary>One minute for every patient.</summary>
    public void Step() => Advance(1);

    /// <summary>Many minutes for every patient; larger spans amortise loading each block's state.</summary>
    public void Advance(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (minutes == 0) return;
        pendingMinutes = minutes;
        var chunks = (lanes.PaddedCount + LanesPerChunk - 1) / LanesPerChunk;
        if (chunks == 1 || parallelOptions.MaxDegreeOfParallelism == 1)
        {
            for (var chunk = 0; chunk < chunks; chunk++) RunChunk(chunk);
        }
        else
        {
            Parallel.For(0, chunks, parallelOptions, runChunk);
        }
        minutesElapsed += minutes;
    }

    /// <summary>
    /// <paramref name="minutes"/> minutes for every patient, handing each block of patients to
    /// <paramref name="sampler"/> at minutes 0, <paramref name="sampleEvery"/>, 2·<paramref name="sampleEvery"/>, …
    /// before <paramref name="minutes"/> (before stepping, so the first call sees the current values). Exactly what
    /// a loop of "sample every patient at <see cref="Now"/>, then <c>Advance(sampleEvery)</c>" gives, bitwise, but
    /// each parallel block runs all the minutes on its own: its state stays in cache and the sampler (a sensor model
    /// per patient) runs on the same worker, with no cohort-wide barrier or state reload between instants. If the
    /// sampler throws, blocks have stopped at different minutes: the cohort must not be used further.
    /// </summary>
    public void Run(int minutes, int sampleEvery, ICohortSampler sampler)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleEvery, 1);
        ArgumentNullException.ThrowIfNull(sampler);
        if (minutes == 0) return;
        pendingMinutes = minutes;
        pendingSampling = new CohortKernel.Sampling(sampler, sampleEvery, Start);
        try
        {
            var chunks = (lanes.PaddedCount + LanesPerChunk - 1) / LanesPerChunk;
            if (chunks == 1 || parallelOptions.MaxDegreeOfParallelism == 1)
            {
                for (var chunk = 0; chunk < chunks; chunk++) RunSampledChunk(chunk);
            }
            else
            {
                Parallel.For(0, chunks, parallelOptions, runSampledChunk);
            }
        }
        finally
        {
            pendingSampling = null;
        }
        minutesElapsed += minutes;
    }

    private void RunSampledChunk(int chunk)
    {
        var end = Math.Min(lanes.PaddedCount, (chunk + 1) * LanesPerChunk);
        CohortKernel.Run(lanes, chunk * LanesPerChunk, end, minutesElapsed, pendingMinutes, pendingSampling!);
    }

    private void RunChunk(int chunk)
    {
        var end = Math.Min(lanes.PaddedCount, (chunk + 1) * LanesPerChunk);
        CohortKernel.Run(lanes, chunk * LanesPerChunk, end, minutesElapsed, pendingMinutes);
    }
}
