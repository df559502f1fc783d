using Scenarios.Model;
using Simulator.Glucose;

namespace Simulator.Tests.Glucose;

public class ScriptedTraceTests
{
    private static readonly DateTimeOffset Start = new(2019, 11, 29, 22, 0, 0, TimeSpan.FromHours(-5));

    private static ScriptedTraceSpec Spec(params (double Hours, double Mgdl)[] points) => new()
    {
        Points = [.. points.Select(p => new Waypoint(TimeSpan.FromHours(p.Hours), p.Mgdl))],
    };

    [Fact]
    public void Readings_come_every_five_minutes_on_straight_lines_between_waypoints()
    {
        var readings = ScriptedTrace.Generate("child-1", Spec((0, 140), (1, 80)), Start, Start.AddHours(2));

        Assert.Equal(24, readings.Count);
        Assert.All(readings.Zip(readings.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second.SensorTime - pair.First.SensorTime));
        Assert.Equal(140, readings[0].Mgdl);
        Assert.Equal(110, readings[6].Mgdl);   // half way: 30 min
        Assert.Equal(80, readings[12].Mgdl);   // the waypoint itself
        Assert.Equal(80, readings[^1].Mgdl);   // held after the last waypoint
        Assert.All(readings, r => Assert.Equal("child-1", r.Patient));
    }

    [Fact]
    public void Values_outside_what_a_sensor_reports_are_clamped_to_40_and_400()
    {
        var readings = ScriptedTrace.Generate("p", Spec((0, 30), (1, 450)), Start, Start.AddHours(1.5));

        Assert.Equal(Reading.MinReportable, readings[0].Mgdl);
        Assert.Equal(Reading.MaxReportable, readings[^1].Mgdl);
    }

    [Theory]
    [InlineData(0, 4, "NotComputable")]      // not enough history yet (first two readings)
    [InlineData(0.5, 0, "Flat")]              // 0.5 mg/dL/min
    [InlineData(1.5, 0, "FortyFiveUp")]
    [InlineData(2.5, 0, "SingleUp")]
    [InlineData(3.5, 0, "DoubleUp")]
    [InlineData(-1.5, 0, "FortyFiveDown")]
    [InlineData(-2.5, 0, "SingleDown")]
    [InlineData(-3.5, 0, "DoubleDown")]
    public void Trend_arrows_follow_Dexcoms_rate_bands(double mgdlPerMinute, int index, string expected)
    {
        var spec = Spec((0, 200), (1, 200 + mgdlPerMinute * 60));
        var readings = ScriptedTrace.Generate("p", spec, Start, Start.AddMinutes(30));

        var reading = index == 4 ? readings[1] : readings[4];
        Assert.Equal(expected, reading.Trend.ToString());
    }

    [Theory]
    [InlineData(Trend.Flat, "Flat")]
    [InlineData(Trend.NotComputable, "NOT COMPUTABLE")]
    [InlineData(Trend.RateOutOfRange, "RATE OUT OF RANGE")]
    [InlineData(Trend.None, "NONE")]
    public void Nightscout_directions_use_its_own_spelling(Trend trend, string direction) =>
        Assert.Equal(direction, trend.ToNightscoutDirection());
}
