using Simulator.Glucose.Metrics;

namespace Simulator.Tests.Glucose.Metrics;

public class GlucoseMetricsCalculatorTests
{
    // Trace: 50, 100, 150, 200, 300 mg/dL.
    //   n = 5; mean = 800 / 5 = 160.
    //   deviations −110, −60, −10, 40, 140 → squares 12100 + 3600 + 100 + 1600 + 19600 = 37000.
    //   sample SD = √(37000 / 4) = √9250 = 96.17692; CV = 96.17692 / 160 × 100 = 60.11057 %.
    //   GMI = 3.31 + 0.02392 × 160 = 3.31 + 3.8272 = 7.1372 %.
    //   < 54: {50} → 20 %; < 70: {50} → 20 %; 70–180: {100, 150} → 40 %; > 180: {200, 300} → 40 %; > 250: {300} → 20 %.
    //   Kovatchev f(BG) = 1.509·((ln BG)^1.084 − 5.381), r = 10 f²:
    //     50:  ln = 3.912023, ^1.084 = 4.386954, f = 1.509 × (−0.994046) = −1.500015, r = 22.50045 (low)
    //     100: ln = 4.605170, ^1.084 = 5.235502, f = 1.509 × (−0.145498) = −0.219557, r =  0.48205 (low)
    //     150: ln = 5.010635, ^1.084 = 5.736986, f = 1.509 × ( 0.355986) =  0.537183, r =  2.88565 (high)
    //     200: ln = 5.298317, ^1.084 = 6.094886, f = 1.509 × ( 0.713886) =  1.077253, r = 11.60475 (high)
    //     300: ln = 5.703782, ^1.084 = 6.602078, f = 1.509 × ( 1.221078) =  1.842607, r = 33.95199 (high)
    //   LBGI = (22.50045 + 0.48205) / 5 = 4.59650; HBGI = (2.88565 + 11.60475 + 33.95199) / 5 = 9.68848.
    private static readonly double[] Trace = [50, 100, 150, 200, 300];

    [Fact]
    public void Hand_computed_trace()
    {
        var m = GlucoseMetricsCalculator.Compute(Trace);

        Assert.Equal(5, m.Readings);
        Assert.Equal(160, m.MeanMgdl, 10);
        Assert.Equal(96.17692, m.SdMgdl, 4);
        Assert.Equal(60.11057, m.CvPercent, 4);
        Assert.Equal(7.1372, m.GmiPercent, 10);
        Assert.Equal(20, m.Tbr54Percent, 10);
        Assert.Equal(20, m.Tbr70Percent, 10);
        Assert.Equal(40, m.TirPercent, 10);
        Assert.Equal(40, m.Tar180Percent, 10);
        Assert.Equal(20, m.Tar250Percent, 10);
        Assert.Equal(4.59650, m.Lbgi, 4);
        Assert.Equal(9.68848, m.Hbgi, 4);
    }

    [Fact]
    public void Span_and_enumerable_overloads_agree()
    {
        Assert.Equal(GlucoseMetricsCalculator.Compute(Trace.AsSpan()), GlucoseMetricsCalculator.Compute(Trace.Select(x => x)));
    }

    [Fact]
    public void Band_boundaries_follow_the_consensus_definitions()
    {
        // 53 < 54 → TBR<54 and TBR<70; 54 and 69 → TBR<70 only; 70 and 180 → TIR (inclusive both ends);
        // 181 and 250 → TAR>180 only (250 is not > 250); 251 → TAR>180 and TAR>250. n = 8, so each reading is 12.5 %.
        var m = GlucoseMetricsCalculator.Compute([53, 54, 69, 70, 180, 181, 250, 251]);

        Assert.Equal(12.5, m.Tbr54Percent, 10);  // {53}
        Assert.Equal(37.5, m.Tbr70Percent, 10);  // {53, 54, 69}: includes the < 54 reading
        Assert.Equal(25, m.TirPercent, 10);      // {70, 180}
        Assert.Equal(37.5, m.Tar180Percent, 10); // {181, 250, 251}: includes the > 250 reading
        Assert.Equal(12.5, m.Tar250Percent, 10); // {251}
        Assert.Equal(100, m.Tbr70Percent + m.TirPercent + m.Tar180Percent, 10);
    }

    [Theory]
    [InlineData(54, 0, 100, 0)]   // exactly 54 is not < 54 but is < 70
    [InlineData(70, 0, 0, 100)]   // exactly 70 is in range
    [InlineData(180, 0, 0, 100)]  // exactly 180 is in range
    public void Exact_boundary_values(double mgdl, double tbr54, double tbr70, double tir)
    {
        var m = GlucoseMetricsCalculator.Compute([mgdl]);
        Assert.Equal(tbr54, m.Tbr54Percent);
        Assert.Equal(tbr70, m.Tbr70Percent);
        Assert.Equal(tir, m.TirPercent);
    }

    [Fact]
    public void Exactly_250_is_above_180_but_not_above_250()
    {
        var m = GlucoseMetricsCalculator.Compute([250]);
        Assert.Equal(100, m.Tar180Percent);
        Assert.Equal(0, m.Tar250Percent);
    }

    [Fact]
    public void Sd_is_the_sample_sd_with_n_minus_1()
    {
        // 100, 200: mean 150, squared deviations 2500 + 2500 = 5000.
        // Sample SD = √(5000 / 1) = 70.71068 (chosen); population SD would be √(5000 / 2) = 50.
        var m = GlucoseMetricsCalculator.Compute([100, 200]);
        Assert.Equal(70.71068, m.SdMgdl, 4);
        Assert.Equal(70.71068 / 150 * 100, m.CvPercent, 4);
    }

    [Fact]
    public void A_single_reading_has_zero_sd()
    {
        var m = GlucoseMetricsCalculator.Compute([120]);
        Assert.Equal(0, m.SdMgdl);
        Assert.Equal(0, m.CvPercent);
        Assert.Equal(3.31 + 0.02392 * 120, m.GmiPercent, 10);
    }

    [Fact]
    public void Risk_is_zero_at_112_5_mgdl()
    {
        // f(112.5) = 1.509 × (4.722953^1.084 − 5.381) = 1.509 × (5.380809 − 5.381) = −0.000288; r = 8.3e-7.
        var m = GlucoseMetricsCalculator.Compute([112.5]);
        Assert.True(m.Lbgi < 1e-5, $"LBGI {m.Lbgi}");
        Assert.Equal(0, m.Hbgi);
        Assert.Equal(0, KovatchevRisk.Symmetrised(112.5), 3);
    }

    [Fact]
    public void Risk_at_50_and_300_mgdl_by_hand()
    {
        // 50:  f = −1.500015 (see Trace) → LBGI = r = 10 × 2.250045 = 22.50045, HBGI = 0.
        // 300: f =  1.842607            → HBGI = r = 10 × 3.395199 = 33.95199, LBGI = 0.
        var low = GlucoseMetricsCalculator.Compute([50]);
        var high = GlucoseMetricsCalculator.Compute([300]);
        Assert.Equal(22.50045, low.Lbgi, 4);
        Assert.Equal(0, low.Hbgi);
        Assert.Equal(33.95199, high.Hbgi, 4);
        Assert.Equal(0, high.Lbgi);
    }

    [Fact]
    public void Empty_input_is_a_clear_argument_exception()
    {
        var e = Assert.Throws<ArgumentException>(() => GlucoseMetricsCalculator.Compute(ReadOnlySpan<double>.Empty));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GlucoseMetricsCalculator.Compute(Enumerable.Empty<double>()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Non_positive_or_missing_values_are_rejected(double bad)
    {
        Assert.Throws<ArgumentException>(() => GlucoseMetricsCalculator.Compute([120, bad]));
    }
}
