using Scenarios.Model;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>Turns a scenario's <c>sensor:</c> block into the sensor model's kind and options.</summary>
public static class SensorSetup
{
    /// <param name="spec">The scenario's sensor block.</param>
    /// <param name="start">The run's start; session offsets are relative to it.</param>
    /// <param name="inputIsInterstitial">True for UVA/Padova, whose Gs already lags blood glucose (so no extra lag).</param>
    public static (SensorKind Kind, SensorOptions Options) From(SensorSpec spec, DateTimeOffset start, bool inputIsInterstitial)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kind = SensorKinds.Parse(spec.Kind)
            ?? throw new ArgumentException($"Sensor kind '{spec.Kind}' is not one of {string.Join(", ", SensorKinds.Names)}.", nameof(spec));
        var options = new SensorOptions
        {
            Noise = spec.Noise,
            ExtraLagMinutes = inputIsInterstitial ? 0 : (spec.Lag ?? TimeSpan.Zero).TotalMinutes,
            CompressionLows = spec.CompressionLows ? CompressionLowOptions.Default : CompressionLowOptions.Off,
            Dropouts = spec.Dropouts ? DropoutOptions.Default : DropoutOptions.Off,
            SensorErrors = spec.SensorErrors ? SensorErrorOptions.Default : SensorErrorOptions.Off,
            // A session listed in the file warms up; with none listed the sensor is already warm at the start.
            WarmUp = spec.SessionStarts.Count == 0
                ? WarmUpOptions.Off
                : WarmUpOptions.Default with { SensorStarts = [.. spec.SessionStarts.Select(s => start + s)] },
        };
        return (kind, options);
    }
}
