using Simulator.Glucose;
using Simulator.Serve;

namespace Simulator.Tests.Serve;

public class LoopedReadingsTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 1-hour trace: 12 readings, mg/dL 100, 101, … so each cycle's position shows in its value.</summary>
    private static LoopedReadings Hour() => new(
        [.. Enumerable.Range(0, 12).Select(i => new Reading("p", Start.AddMinutes(5 * i), 100 + i, Trend.Flat))], Start, TimeSpan.FromHours(1));

    [Fact]
    public void Cycle_zero_is_the_scenario_itself()
    {
        var readings = Hour().Between(Start, Start.AddHours(1)).ToList();
        Assert.Equal(12, readings.Count);
        Assert.Equal(Enumerable.Range(100, 12), readings.Select(r => r.Mgdl));
    }

    [Fact]
    public void History_before_the_start_repeats_the_trace_backwards_on_the_same_grid()
    {
        var history = Hour().Between(Start.AddHours(-24), Start).ToList();
        Assert.Equal(288, history.Count);
        Assert.Equal(Start.AddHours(-24), history[0].SensorTime);
        Assert.Equal(Start.AddMinutes(-5), history[^1].SensorTime);
        Assert.Equal(111, history[^1].Mgdl);
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second.SensorTime - pair.First.SensorTime));
    }

    [Fact]
    public void After_the_end_the_trace_goes_on_in_loops()
    {
        var later = Hour().Between(Start.AddHours(5).AddMinutes(10), Start.AddHours(5).AddMinutes(20)).ToList();
        Assert.Equal([Start.AddHours(5).AddMinutes(10), Start.AddHours(5).AddMinutes(15)], later.Select(r => r.SensorTime));
        Assert.Equal([102, 103], later.Select(r => r.Mgdl));
    }

    [Fact]
    public void Windows_that_meet_neither_lose_nor_repeat_a_reading()
    {
        var looped = Hour();
        var edges = Enumerable.Range(0, 40).Select(i => Start.AddHours(-3).AddMinutes(17 * i)).ToList();
        var pieces = edges.Zip(edges.Skip(1)).SelectMany(w => looped.Between(w.First, w.Second)).Select(r => r.SensorTime).ToList();
        var whole = looped.Between(edges[0], edges[^1]).Select(r => r.SensorTime).ToList();
        Assert.Equal(whole, pieces);
        Assert.Equal(whole.Count, whole.Distinct().Count());
    }
}
