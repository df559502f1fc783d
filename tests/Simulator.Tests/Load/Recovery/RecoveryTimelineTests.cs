using Simulator.Load.Recovery;

namespace Simulator.Tests.Load.Recovery;

public sealed class RecoveryTimelineTests
{
    private static readonly RecoveryTimeline Timeline = new(RecoveryTimeline.DefaultOutageStart, TimeSpan.FromDays(3), TimeSpan.FromMinutes(15), 10_000);

    [Fact]
    public void The_outage_starts_when_Dexcoms_did_and_the_live_phase_leads_recovery()
    {
        Assert.Equal(new DateTimeOffset(2019, 11, 30, 6, 0, 0, TimeSpan.Zero), Timeline.OutageStart.ToUniversalTime());
        Assert.Equal(Timeline.OutageStart.AddDays(-1), Timeline.HistoryStart);
        Assert.Equal(Timeline.OutageStart.AddDays(3), Timeline.Recovery);
        Assert.Equal(Timeline.Recovery.AddMinutes(-15), Timeline.LiveStart);
        Assert.Equal(Timeline.LiveStart, Timeline.SensorTime(0, Timeline.LiveStartSlot));
    }

    [Fact]
    public void Phases_spread_the_population_evenly_over_five_minutes_in_whole_milliseconds()
    {
        Assert.Equal(TimeSpan.Zero, Timeline.Phase(0));
        Assert.Equal(TimeSpan.FromMilliseconds(30), Timeline.Phase(1));
        Assert.Equal(TimeSpan.FromMilliseconds(299_970), Timeline.Phase(9_999));
        Assert.Equal(Timeline.HistoryStart.AddMinutes(5 * 7).AddMilliseconds(150_000), Timeline.SensorTime(5_000, 7));
        var small = Timeline with { Patients = 7 };
        Assert.All(Enumerable.Range(0, 7), p => Assert.Equal(0, small.Phase(p).Ticks % TimeSpan.TicksPerMillisecond));
    }
}
