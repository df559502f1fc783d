using Simulator.Glucose;
using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

public class RecordedTraceTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 9, 7, 50, 0, TimeSpan.FromHours(-5));

    private static RecordedTrace Trace(params double[] minutes) =>
        new("t", minutes.Select((m, i) => new RecordedReading(T0.AddMinutes(m), 100 + i, Trend.Flat, i + 2)).ToList());

    [Fact]
    public void ShiftTo_moves_the_first_reading_and_keeps_every_interval_to_the_tick()
    {
        // Irregular intervals, including sub-second jitter and a long gap.
        var original = new RecordedTrace("t",
        [
            new(T0, 100, Trend.Flat, 2),
            new(T0.AddTicks(2_999_999_999), 101, Trend.Flat, 3),
            new(T0.AddMinutes(10).AddMilliseconds(7), 102, Trend.Flat, 4),
            new(T0.AddHours(3).AddSeconds(13), 103, Trend.Flat, 5),
        ]);
        var start = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.FromHours(1));

        var shifted = original.ShiftTo(start);

        Assert.Equal(start, shifted.Readings[0].At);
        Assert.Equal(Intervals(original), Intervals(shifted));
        Assert.Equal(original.Gaps(TimeSpan.FromMinutes(5)).Select(g => g.Length), shifted.Gaps(TimeSpan.FromMinutes(5)).Select(g => g.Length));
        Assert.Equal(original.Readings.Select(r => (r.Mgdl, r.SourceLine)), shifted.Readings.Select(r => (r.Mgdl, r.SourceLine)));
    }

    [Fact]
    public void ShiftTo_keeps_the_fixture_gaps_exactly()
    {
        using var reader = new StreamReader(Fixture.Path("clarity-mgdl.csv"));
        var trace = ClarityCsvImporter.Parse(reader, "clarity-mgdl.csv", Fixture.NewYork);

        var shifted = trace.ShiftTo(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var gaps = shifted.Gaps(TimeSpan.FromMinutes(5));
        Assert.Equal([TimeSpan.FromMinutes(20), new TimeSpan(3, 30, 0), new TimeSpan(9, 25, 0)], gaps.Select(g => g.Length));
        Assert.Equal(Intervals(trace), Intervals(shifted));
        Assert.Equal(trace.Skipped, shifted.Skipped);
    }

    [Fact]
    public void Window_is_half_open()
    {
        var trace = Trace(0, 5, 10, 15);

        var cut = trace.Window(T0.AddMinutes(5), T0.AddMinutes(15));

        Assert.Equal([101, 102], cut.Readings.Select(r => r.Mgdl));
    }

    [Fact]
    public void Gaps_are_pauses_longer_than_one_and_a_half_intervals()
    {
        var trace = Trace(0, 5, 12.5, 20, 20 + 7.6);

        var gaps = trace.Gaps(TimeSpan.FromMinutes(5));

        var gap = Assert.Single(gaps);
        Assert.Equal(T0.AddMinutes(20), gap.After);
        Assert.Equal(TimeSpan.FromMinutes(7.6), gap.Length);
    }

    [Fact]
    public void Readings_are_sorted_and_the_earliest_line_wins_a_tie()
    {
        var trace = new RecordedTrace("t",
        [
            new(T0.AddMinutes(5), 120, Trend.Flat, 9),
            new(T0, 110, Trend.Flat, 7),
            new(T0.ToOffset(TimeSpan.Zero), 111, Trend.Flat, 3),
        ]);

        Assert.Equal([(111, 3), (120, 9)], trace.Readings.Select(r => (r.Mgdl, r.SourceLine)));
        Assert.Equal(1, trace.DuplicatesRemoved);
    }

    [Fact]
    public void ToReadings_gives_simulator_readings()
    {
        var reading = Assert.Single(Trace(0).ToReadings("adult#001"));

        Assert.Equal(new Reading("adult#001", T0, 100, Trend.Flat), reading);
    }

    private static List<TimeSpan> Intervals(RecordedTrace trace) =>
        trace.Readings.Zip(trace.Readings.Skip(1), (a, b) => b.At - a.At).ToList();
}
