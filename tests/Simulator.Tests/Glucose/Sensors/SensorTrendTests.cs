using Simulator.Glucose;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

public class SensorTrendTests
{
    private static Trend[] Trends(SensorKind kind, double ratePerMinute)
    {
        var minutes = SensorProfile.For(kind).Interval.TotalMinutes;
        var count = (int)(15 / minutes) + 5; // a full 15-min window plus a few
        return [.. SensorRun.Run(kind, SensorOptions.Ideal, count, i => 200 + ratePerMinute * minutes * i).Select(s => s.Trend)];
    }

    [Fact]
    public void Dexcom_steady_rise_of_2_5_per_minute_is_single_up_once_15_minutes_are_available()
    {
        var trends = Trends(SensorKind.DexcomG6, 2.5);
        // The fit needs four readings (−15, −10, −5, 0 min): the first three have no arrow.
        Assert.All(trends[..3], t => Assert.Equal(Trend.NotComputable, t));
        Assert.All(trends[3..], t => Assert.Equal(Trend.SingleUp, t));
    }

    [Theory]
    [InlineData(3.5, Trend.DoubleUp, Trend.SingleUp, 5)]       // Libre has no double arrows: > 2 is "rising quickly"
    [InlineData(2.5, Trend.SingleUp, Trend.SingleUp, 5)]
    [InlineData(1.5, Trend.FortyFiveUp, Trend.FortyFiveUp, 4)]
    [InlineData(0.5, Trend.Flat, Trend.Flat, 3)]
    [InlineData(-0.5, Trend.Flat, Trend.Flat, 3)]
    [InlineData(-1.5, Trend.FortyFiveDown, Trend.FortyFiveDown, 2)]
    [InlineData(-2.5, Trend.SingleDown, Trend.SingleDown, 1)]
    [InlineData(-3.5, Trend.DoubleDown, Trend.SingleDown, 1)]
    public void Each_vendor_uses_its_own_bands(double rate, Trend dexcom, Trend libre, int libreTrendArrow)
    {
        Assert.Equal(dexcom, Trends(SensorKind.DexcomG7, rate)[^1]);
        Assert.Equal(libre, Trends(SensorKind.Libre2, rate)[^1]);
        Assert.Equal(libreTrendArrow, LibreTrendArrows.ToTrendArrow(libre));
        Assert.Equal(libre, LibreTrendArrows.FromTrendArrow(libreTrendArrow));
    }

    [Fact]
    public void Libre_mapping_onto_the_trend_enum_is_pinned()
    {
        // LibreLinkUp TrendArrow (vendor-apis.md §3.5) ⇄ Trend (Dexcom Share numbers).
        Assert.Equal(Trend.SingleDown, LibreTrendArrows.FromTrendArrow(1));
        Assert.Equal(Trend.FortyFiveDown, LibreTrendArrows.FromTrendArrow(2));
        Assert.Equal(Trend.Flat, LibreTrendArrows.FromTrendArrow(3));
        Assert.Equal(Trend.FortyFiveUp, LibreTrendArrows.FromTrendArrow(4));
        Assert.Equal(Trend.SingleUp, LibreTrendArrows.FromTrendArrow(5));
        Assert.Equal(Trend.NotComputable, LibreTrendArrows.FromTrendArrow(0));
        Assert.Null(LibreTrendArrows.ToTrendArrow(Trend.DoubleUp));
        // Band edges as Abbott words them: "more than 2", "between 1 and 2", "less than 1".
        Assert.Equal(Trend.FortyFiveUp, LibreTrendArrows.FromRate(2.0));
        Assert.Equal(Trend.SingleUp, LibreTrendArrows.FromRate(2.01));
        Assert.Equal(Trend.Flat, LibreTrendArrows.FromRate(1.0));
        Assert.Equal(Trend.FortyFiveDown, LibreTrendArrows.FromRate(-1.01));
        Assert.Equal(Trend.SingleDown, LibreTrendArrows.FromRate(-2.01));
    }

    [Fact]
    public void A_gap_makes_the_arrow_not_computable_until_the_window_refills()
    {
        var options = SensorOptions.Ideal with { WarmUp = new WarmUpOptions { SensorStarts = [SensorRun.Start.AddHours(1)] } };
        var samples = SensorRun.Run(SensorKind.DexcomG6, options, 45, i => 50 + 7.5 * i); // 1.5 mg/dL/min
        var firstAfterWarmUp = Array.FindIndex(samples, s => s.At == SensorRun.Start.AddHours(3));
        Assert.Equal(Trend.None, samples[firstAfterWarmUp - 1].Trend);
        Assert.All(samples[firstAfterWarmUp..(firstAfterWarmUp + 3)], s => Assert.Equal(Trend.NotComputable, s.Trend));
        Assert.Equal(Trend.FortyFiveUp, samples[firstAfterWarmUp + 3].Trend);
    }
}
