namespace Simulator.Glucose.Sensors;

/// <summary>Rare sensor-error stretches (spec §11.3/§11.5): Poisson starts, clamped log-normal duration.</summary>
internal sealed class SensorErrorProcess
{
    private readonly SensorErrorOptions options;
    private readonly SeededRandom random;
    private readonly double intervalMinutes;
    private readonly double startProbability;
    private int samplesLeft;

    public SensorErrorProcess(SensorErrorOptions options, TimeSpan interval, SeededRandom random)
    {
        this.options = options;
        this.random = random;
        intervalMinutes = interval.TotalMinutes;
        startProbability = 1 - Math.Exp(-options.EpisodesPerDay * interval.TotalDays);
    }

    /// <summary>Advances one reading instant; true if this reading has no value.</summary>
    public bool Step()
    {
        if (samplesLeft > 0)
        {
            samplesLeft--;
            return true;
        }
        if (random.NextDouble() >= startProbability) return false;
        var minutes = Math.Clamp(random.NextLogNormal(options.MedianMinutes, options.DurationLogSigma), options.MinMinutes, options.MaxMinutes);
        samplesLeft = Math.Max(1, (int)Math.Ceiling(minutes / intervalMinutes)) - 1; // this reading is the first lost
        return true;
    }
}
