namespace Simulator.Glucose.Metrics;

/// <summary>Computes <see cref="GlucoseMetrics"/> from a period's readings (mg/dL), each reading weighted equally.</summary>
public static class GlucoseMetricsCalculator
{
    /// <summary>
    /// Definitions (spec §7, Battelino2019): TBR&lt;54 = share &lt; 54; TBR&lt;70 = share &lt; 70 (includes &lt; 54);
    /// TIR = 70–180 inclusive; TAR&gt;180 = share &gt; 180 (includes &gt; 250); TAR&gt;250 = share &gt; 250;
    /// CV = SD / mean × 100; GMI (%) = 3.31 + 0.02392 × mean (Bergenstal 2018); LBGI/HBGI = mean low/high Kovatchev
    /// risk (§6). No simglucose ≤ 20 / ≥ 600 special cases: the formula is applied as is to any positive value.
    /// SD is the sample SD (n − 1): the consensus paper does not say, and the common CGM tools divide by n − 1
    /// (iglu <c>sd_glu</c>/<c>cv_glu</c> and cgmquantify's R functions use R's <c>sd</c>). A single reading has SD 0.
    /// On a 14-day trace (4,032 readings) the choice moves SD by about 0.01 %.
    /// </summary>
    /// <exception cref="ArgumentException">No readings, or a reading that is not a positive finite number.</exception>
    public static GlucoseMetrics Compute(ReadOnlySpan<double> mgdl)
    {
        if (mgdl.IsEmpty) throw new ArgumentException("Glucose metrics need at least one reading; the input is empty.", nameof(mgdl));
        int below54 = 0, below70 = 0, inRange = 0, above180 = 0, above250 = 0;
        double sum = 0, lowRisk = 0, highRisk = 0;
        foreach (var g in mgdl)
        {
            if (!double.IsFinite(g) || g <= 0)
                throw new ArgumentException($"Glucose readings must be positive finite mg/dL values; got {g}.", nameof(mgdl));
            sum += g;
            if (g < 54) below54++;
            if (g < 70) below70++;
            else if (g <= 180) inRange++;
            else above180++;
            if (g > 250) above250++;
            var f = KovatchevRisk.Symmetrised(g);
            if (f < 0) lowRisk += 10 * f * f;
            else highRisk += 10 * f * f;
        }
        var n = mgdl.Length;
        var mean = sum / n;
        var squares = 0.0;
        foreach (var g in mgdl) squares += (g - mean) * (g - mean); // two-pass: no cancellation
        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        return new GlucoseMetrics(
            Readings: n,
            MeanMgdl: mean,
            SdMgdl: sd,
            CvPercent: sd / mean * 100,
            GmiPercent: 3.31 + 0.02392 * mean,
            Tbr54Percent: Percent(below54, n),
            Tbr70Percent: Percent(below70, n),
            TirPercent: Percent(inRange, n),
            Tar180Percent: Percent(above180, n),
            Tar250Percent: Percent(above250, n),
            Lbgi: lowRisk / n,
            Hbgi: highRisk / n);
    }

    public static GlucoseMetrics Compute(IEnumerable<double> mgdl)
    {
        ArgumentNullException.ThrowIfNull(mgdl);
        return Compute(mgdl is double[] array ? array : [.. mgdl]);
    }

    /// <summary>Metrics over the readings that have a value (LOW/HIGH count at their reported 40/400).</summary>
    public static GlucoseMetrics Compute(IEnumerable<Sensors.SensorSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Compute([.. samples.Where(s => s.Mgdl.HasValue).Select(s => (double)s.Mgdl!.Value)]);
    }

    private static double Percent(int count, int total) => 100.0 * count / total;
}
