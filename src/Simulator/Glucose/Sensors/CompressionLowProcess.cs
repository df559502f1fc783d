namespace Simulator.Glucose.Sensors;

/// <summary>
/// Compression lows (spec §11.2 suggestion): events start as a Poisson process only while asleep; each drives a
/// first-order filter with a rectangular pulse of depth A (fast drop τ_drop, slow recovery τ_recovery). The reading is
/// labelled CompressionLow for the event's duration D; the pulse ends 3·τ_recovery before D (at least half-way), so
/// the artifact has recovered to within 5 % of A by then, and that residue is dropped when the label ends. Waking up
/// ends the event at once (our choice: the patient moves off the sensor), so no artifact is ever present awake.
/// </summary>
internal sealed class CompressionLowProcess
{
    private readonly CompressionLowOptions options;
    private readonly SeededRandom random;
    private readonly double intervalMinutes;
    private readonly double startProbability;
    private readonly double dropKeep;
    private readonly double recoveryKeep;
    private int eventSamplesLeft;
    private int pulseSamplesLeft;
    private double depth;
    private double offset;

    public CompressionLowProcess(CompressionLowOptions options, TimeSpan interval, SeededRandom random)
    {
        this.options = options;
        this.random = random;
        intervalMinutes = interval.TotalMinutes;
        dropKeep = Math.Exp(-intervalMinutes / options.DropTimeConstantMinutes);
        recoveryKeep = Math.Exp(-intervalMinutes / options.RecoveryTimeConstantMinutes);
        // Renewal argument: events of E[k] labelled samples, one forced idle sample after each, then a geometric wait
        // of mean 1/p samples, so the labelled share is s = E[k] / (E[k] + 1 + 1/p); solve for p. E[D] of a
        // log-normal is median·exp(σ²/2); the ceil to whole samples adds ~half a sample. Events cut short by waking
        // make real nights come out a little lower (≈ 2.7 % with a 23:00–07:00 window).
        var meanSamples = options.MedianDurationMinutes * Math.Exp(options.DurationLogSigma * options.DurationLogSigma / 2) / intervalMinutes + 0.5;
        var share = Math.Clamp(options.OvernightShare, 1e-9, 0.5);
        startProbability = Math.Min(1, 1 / (meanSamples * (1 - share) / share - 1));
    }

    /// <summary>mg/dL to subtract from the sensor glucose at this reading.</summary>
    public double Offset => offset;

    /// <summary>Whether this reading falls inside a labelled event.</summary>
    public bool Active => eventSamplesLeft > 0;

    public void Step(bool asleep)
    {
        var idle = eventSamplesLeft == 0; // an event never starts at the reading where the previous one ends
        if (!idle)
        {
            eventSamplesLeft--;
            pulseSamplesLeft--;
            if (!asleep) eventSamplesLeft = 0;
            if (eventSamplesLeft == 0)
            {
                // The labelled event is over: drop the (< 5 % of depth) residue so every depressed reading is labelled.
                pulseSamplesLeft = 0;
                offset = 0;
            }
        }
        if (idle && asleep && random.NextDouble() < startProbability) Start();
        var target = pulseSamplesLeft > 0 ? depth : 0;
        offset = target + (offset - target) * (target > offset ? dropKeep : recoveryKeep);
    }

    private void Start()
    {
        var duration = Math.Max(intervalMinutes, random.NextLogNormal(options.MedianDurationMinutes, options.DurationLogSigma));
        depth = random.NextLogNormal(options.MedianDepthMgdl, options.DepthLogSigma);
        var pulse = Math.Max(duration - 3 * options.RecoveryTimeConstantMinutes, duration / 2);
        eventSamplesLeft = (int)Math.Ceiling(duration / intervalMinutes);
        pulseSamplesLeft = (int)Math.Ceiling(pulse / intervalMinutes);
    }
}
