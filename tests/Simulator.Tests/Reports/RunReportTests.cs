using Simulator.Reports;
using Simulator.Scoring;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Reports;

public class RunReportTests
{
    private static readonly Scorecard Card = SampleRun.Report("x").Scorecard;

    private static RunReport WithJitter(double speed, double jitterMs)
    {
        var jitter = new SchedulingJitter();
        for (var i = 0; i < 100; i++) jitter.Record(TimeSpan.FromMilliseconds(jitterMs));
        return RunReport.Create(TestScenario.Create() with { Speed = speed }, "sut", Card, jitter, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_latency_resolution_is_the_real_jitter_times_the_speed()
    {
        var report = WithJitter(speed: 3000, jitterMs: 10);

        Assert.Equal(10, report.Run.JitterP99Ms, precision: 1);
        Assert.Equal(30, report.Run.LatencyResolutionSeconds, precision: 0);
        Assert.Null(report.Run.FidelityWarning);
    }

    [Fact]
    public void Timing_coarser_than_a_virtual_minute_earns_a_warning_with_a_speed_that_would_do()
    {
        // HdrHistogram reports the top of a value's 3-significant-digit bucket: 5 ms reads back as 5.003 ms.
        var report = WithJitter(speed: 20000, jitterMs: 5);

        Assert.Equal(100, report.Run.LatencyResolutionSeconds, precision: 0);
        Assert.Equal(
            "At 20000x this machine's scheduling jitter makes every latency uncertain by about ±100 s, coarser than a virtual minute, " +
            "so late or missed verdicts near their limits may be the harness's, not the system's. Run again with --speed 11900 or lower " +
            "for minute-accurate results.",
            report.Run.FidelityWarning);
    }
}
