using ReferenceSystem.Receiver;

namespace ReferenceSystem.Tests.Receiver;

public class BackfillPlannerTests
{
    private static readonly DateTimeOffset Start = new(2019, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    private static List<DateTimeOffset> Every5(int from, int to) => Enumerable.Range(from, to - from + 1).Select(k => Start + (k * Five)).ToList();

    [Fact]
    public void No_gap_no_backfill()
    {
        Assert.Null(BackfillPlanner.Plan(Every5(0, 6), Start, Start + (6 * Five) + TimeSpan.FromSeconds(10), null));
    }

    [Fact]
    public void Started_a_reading_interval_before_the_first_reading_a_late_first_connection_backfills_that_reading()
    {
        // The harness says the phone app runs from 5 minutes before the run: the run's first reading (at Start) was
        // missed because the first connection came a window late; the planner asks for it.
        var now = Start + Five + TimeSpan.FromSeconds(40);

        var span = BackfillPlanner.Plan(Every5(1, 1), Start - Five, now, null);

        Assert.Equal(new BackfillSpan(Start - Five, now + Five), span);
        Assert.Null(BackfillPlanner.Plan(Every5(0, 1), Start - Five, now, null));   // caught live: nothing to ask
    }

    [Fact]
    public void A_gap_is_asked_from_the_reading_before_it_minus_5_min_to_now_plus_5_min()
    {
        var known = Every5(0, 2).Append(Start + (12 * Five)).ToList();
        var now = Start + (12 * Five) + TimeSpan.FromSeconds(10);

        var span = BackfillPlanner.Plan(known, Start, now, null);

        Assert.Equal(new BackfillSpan(Start + (2 * Five) - Five, now + Five), span);
        Assert.Null(BackfillPlanner.Plan(known, Start, now, backfilledThrough: now)); // already answered
    }

    [Fact]
    public void A_window_without_a_live_reading_counts_the_time_since_the_newest_one()
    {
        var now = Start + (4 * Five) + TimeSpan.FromSeconds(10);
        Assert.Equal(new BackfillSpan(Start + Five, now + Five), BackfillPlanner.Plan(Every5(0, 2), Start, now, null));
    }

    [Fact]
    public void Never_asks_for_more_than_3_hours_or_before_the_receiver_started()
    {
        var now = Start + TimeSpan.FromHours(10);
        var capped = BackfillPlanner.Plan([Start, now], Start, now, null);
        Assert.Equal(now - TimeSpan.FromHours(3), capped!.Start);

        var started = Start + TimeSpan.FromMinutes(1);
        var firstWindowLate = BackfillPlanner.Plan([Start + (4 * Five)], started, Start + (4 * Five), null);
        Assert.Equal(started, firstWindowLate!.Start);
    }

    [Fact]
    public void Transmitter_time_maps_to_whole_second_wall_time()
    {
        var activation = new DateTimeOffset(2019, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var frameTime = activation + TimeSpan.FromSeconds(259_200.75);
        var map = TransmitterClockMap.From(frameTime, 259_200);
        Assert.Equal(activation, map.Activation);
        Assert.Equal(activation + TimeSpan.FromSeconds(259_000), map.ToWall(259_000));
        Assert.Equal(259_000u, map.ToTransmitter(activation + TimeSpan.FromSeconds(259_000)));
    }
}
