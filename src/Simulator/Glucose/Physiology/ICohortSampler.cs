namespace Simulator.Glucose.Physiology;

/// <summary>
/// Reads blocks of patients during <see cref="CohortSimulator.Run"/>. Calls come from worker threads, concurrently:
/// blocks are disjoint sets of consecutive patients (never padding), and one block's calls arrive in time order on
/// one thread, so per-patient state (a sensor model) needs no locking; anything shared across blocks must be.
/// Different blocks are not in step: one may be days ahead of another.
/// </summary>
public interface ICohortSampler
{
    /// <summary>A stretch of consecutive sampling instants for one block of patients.</summary>
    void Sample(in CohortSamples samples);
}

/// <summary>
/// The interstitial and plasma glucose of a block of patients at consecutive sampling instants, as
/// <see cref="CohortSimulator.InterstitialMgdl"/> and <see cref="CohortSimulator.PlasmaMgdl"/> read at each.
/// Valid only during the <see cref="ICohortSampler.Sample"/> call (the storage is reused).
/// </summary>
public readonly ref struct CohortSamples
{
    private readonly ReadOnlySpan<double> interstitial;
    private readonly ReadOnlySpan<double> plasma;
    private readonly int stride;
    private readonly DateTimeOffset first;
    private readonly long everyTicks;

    internal CohortSamples(int firstPatient, int patients, DateTimeOffset first, long everyTicks, int instants,
        ReadOnlySpan<double> interstitial, ReadOnlySpan<double> plasma, int stride)
    {
        FirstPatient = firstPatient;
        Patients = patients;
        Instants = instants;
        this.first = first;
        this.everyTicks = everyTicks;
        this.interstitial = interstitial;
        this.plasma = plasma;
        this.stride = stride;
    }

    /// <summary>Cohort index of the block's first patient.</summary>
    public int FirstPatient { get; }

    public int Patients { get; }

    public int Instants { get; }

    /// <summary>The <paramref name="instant"/>-th instant of this stretch (0 is the earliest).</summary>
    public DateTimeOffset At(int instant) => first.AddTicks(everyTicks * instant);

    /// <summary>Gs/Vg, mg/dL, of the block's <paramref name="patient"/>-th patient (0-based within the block).</summary>
    public double InterstitialMgdl(int patient, int instant) => interstitial[instant * stride + patient];

    /// <summary>Gp/Vg, mg/dL: the ground truth.</summary>
    public double PlasmaMgdl(int patient, int instant) => plasma[instant * stride + patient];
}
