using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

public class SensorSessionTests
{
    private static SensorOptions Starts(params DateTimeOffset[] starts) =>
        SensorOptions.Ideal with { WarmUp = new WarmUpOptions { SensorStarts = starts } };

    [Theory]
    [InlineData(SensorKind.DexcomG6, 120)]
    [InlineData(SensorKind.DexcomG7, 30)]
    [InlineData(SensorKind.Libre2, 60)]
    public void No_readings_for_exactly_the_warm_up_after_a_start(SensorKind kind, int warmUpMinutes)
    {
        var sensorStart = SensorRun.Start.AddHours(1);
        var samples = SensorRun.Constant(kind, Starts(sensorStart), 120, 6 * 60 / (int)SensorProfile.For(kind).Interval.TotalMinutes);
        var warmUpEnd = sensorStart.AddMinutes(warmUpMinutes);

        foreach (var s in samples)
        {
            if (s.At >= sensorStart && s.At < warmUpEnd)
            {
                Assert.Equal(SensorState.WarmUp, s.State);
                Assert.Null(s.Mgdl);
            }
            else
            {
                Assert.Equal(SensorState.Ok, s.State); // before the start: the previous, warm sensor
                Assert.Equal(120, s.Mgdl);
            }
        }
        Assert.Contains(samples, s => s.At == warmUpEnd && s.Mgdl == 120);
    }

    [Fact]
    public void Readings_resume_at_the_first_instant_after_an_unaligned_warm_up()
    {
        var sensorStart = SensorRun.Start.AddMinutes(62); // between 5-min reading instants
        var samples = SensorRun.Constant(SensorKind.DexcomG6, Starts(sensorStart), 120, 60);
        var firstAfter = samples.First(s => s.At > sensorStart && s.Mgdl is not null);
        Assert.Equal(SensorRun.Start.AddMinutes(185), firstAfter.At); // warm-up ends 3:02 → first reading 3:05
        Assert.Equal(SensorState.WarmUp, samples.Single(s => s.At == SensorRun.Start.AddMinutes(180)).State);
    }

    [Theory]
    [InlineData(SensorKind.DexcomG6, 10 * 24 * 60)]
    [InlineData(SensorKind.DexcomG7, 10 * 24 * 60 + 12 * 60)]
    [InlineData(SensorKind.Libre2, 14 * 24 * 60)]
    public void Session_expires_after_its_length_plus_grace(SensorKind kind, int lifetimeMinutes)
    {
        var interval = (int)SensorProfile.For(kind).Interval.TotalMinutes;
        var samples = SensorRun.Constant(kind, Starts(SensorRun.Start), 120, lifetimeMinutes / interval + 5);
        var end = SensorRun.Start.AddMinutes(lifetimeMinutes);
        Assert.Equal(SensorState.Ok, samples.Single(s => s.At == end.AddMinutes(-interval)).State);
        Assert.All(samples.Where(s => s.At >= end), s => Assert.Equal(SensorState.Expired, s.State));
        Assert.All(samples.Where(s => s.At >= end), s => Assert.Null(s.Mgdl));
    }

    [Fact]
    public void A_new_sensor_after_expiry_warms_up_then_reads()
    {
        var second = SensorRun.Start.AddDays(10).AddHours(1);
        var samples = SensorRun.Constant(SensorKind.DexcomG6, Starts(second, SensorRun.Start), 120, (int)(10.5 * 24 * 12));
        Assert.Equal(SensorState.Expired, samples.Single(s => s.At == SensorRun.Start.AddDays(10)).State);
        Assert.Equal(SensorState.WarmUp, samples.Single(s => s.At == second).State);
        Assert.Equal(SensorState.Ok, samples.Single(s => s.At == second.AddHours(2)).State);
    }

    [Fact]
    public void Without_starts_the_sensor_is_warm_and_never_expires()
    {
        var samples = SensorRun.Constant(SensorKind.DexcomG6, SensorOptions.Ideal with { WarmUp = WarmUpOptions.Default }, 120, 15 * 24 * 12);
        Assert.All(samples, s => Assert.Equal(SensorState.Ok, s.State));
    }

    [Fact]
    public void Instants_must_increase()
    {
        var model = new SensorModel(SensorKind.DexcomG6, SensorOptions.Ideal, 1, SensorRun.Start);
        model.Sample(SensorRun.Start, 100);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample(SensorRun.Start, 100));
    }
}
