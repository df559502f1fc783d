using LoadDriver.Sharding;
using Simulator.Load.Population;

namespace Simulator.Tests.Load.Population;

public sealed class CyclicScheduleTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Every_entity_acts_once_per_interval_on_every_lane_at_the_instant_its_request_is_due()
    {
        var schedule = new CyclicSchedule(entities: 7, lanes: 2, FiveMinutes, TimeSpan.FromMinutes(32), seed: 3, stream: 40);

        var requests = Enumerable.Range(0, (int)schedule.Requests).Select(i => (Index: (long)i, Request: schedule.At(i))).ToList();

        Assert.Equal(90, schedule.Requests); // ceil(32 min x 14 per 5 min)
        foreach (var group in requests.GroupBy(r => (r.Request.Entity, r.Request.Lane)))
        {
            var cycles = group.Select(r => r.Request.Cycle).ToList();
            Assert.Equal(Enumerable.Range(0, cycles.Count).Select(c => (long)c), cycles);
            var offsets = cycles.Select(c => schedule.Offset(group.Key.Entity, c)).ToList();
            Assert.All(offsets.Zip(offsets.Skip(1)), pair => Assert.Equal(FiveMinutes, pair.Second - pair.First));
        }
        foreach (var (index, request) in requests)
        {
            // Request i of the constant-rate stream is due at virtual i x interval / (entities x lanes).
            var due = TimeSpan.FromTicks(FiveMinutes.Ticks * index / schedule.PerCycle);
            var entityInstant = schedule.Offset(request.Entity, request.Cycle) + TimeSpan.FromTicks(FiveMinutes.Ticks * request.Lane / schedule.PerCycle);
            Assert.True((due - entityInstant).Duration() <= TimeSpan.FromTicks(1), $"request {index}");
            Assert.True(due < TimeSpan.FromMinutes(32));
        }
        Assert.Equal(7, requests.Where(r => r.Request.Cycle == 0 && r.Request.Lane == 0).Select(r => r.Request.Entity).Distinct().Count());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Shards_partition_the_requests_exactly(int shards)
    {
        var schedule = new CyclicSchedule(entities: 25, lanes: 2, FiveMinutes, TimeSpan.FromHours(1), seed: 1, stream: 40);
        var whole = Enumerable.Range(0, (int)schedule.Requests).Select(i => schedule.At(i)).ToHashSet();

        var dealt = Enumerable.Range(0, shards)
            .SelectMany(s => Enumerable.Range(0, (int)schedule.Requests).Where(i => new Shard(s, shards).Owns(i)).Select(i => schedule.At(i)))
            .ToList();

        Assert.Equal(whole.Count, dealt.Count);
        Assert.True(whole.SetEquals(dealt));
        Assert.Equal(25 * 2 * 12, whole.Count);
    }

    [Fact]
    public void The_seed_fixes_the_phases_and_the_stream_keeps_schedules_apart()
    {
        CyclicSchedule Make(int seed, ulong stream) => new(100, 1, FiveMinutes, TimeSpan.FromHours(1), seed, stream);
        int[] Phases(CyclicSchedule s) => [.. Enumerable.Range(0, 100).Select(s.SlotOf)];

        Assert.Equal(Phases(Make(5, 40)), Phases(Make(5, 40)));
        Assert.NotEqual(Phases(Make(5, 40)), Phases(Make(6, 40)));
        Assert.NotEqual(Phases(Make(5, 40)), Phases(Make(5, 41)));
    }

    [Fact]
    public void The_load_model_offers_the_schedule_at_the_compressed_rate()
    {
        var schedule = new CyclicSchedule(entities: 40, lanes: 1, FiveMinutes, TimeSpan.FromMinutes(30), seed: 1, stream: 41);

        var model = schedule.Model(TimeSpan.FromSeconds(3), compression: 600, maxInFlight: 16);
        var instants = model.Schedule().ToList();

        Assert.Equal(40 * 6, instants.Count);
        Assert.Equal(40 * 600 / 300.0, model.PerSecond, 9);
        var virtualCycle = TimeSpan.FromTicks((long)((instants[40] - instants[0]).Ticks * 600.0));
        Assert.InRange(virtualCycle, TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void The_cycle_at_an_instant_is_the_last_one_begun()
    {
        var schedule = new CyclicSchedule(entities: 4, lanes: 1, FiveMinutes, TimeSpan.FromHours(1), seed: 2, stream: 40);
        var entity = Enumerable.Range(0, 4).Single(e => schedule.SlotOf(e) == 2); // acts at 2.5 min into each cycle

        Assert.Equal(0, schedule.CycleAt(entity, TimeSpan.FromMinutes(1)));
        Assert.Equal(0, schedule.CycleAt(entity, TimeSpan.FromMinutes(7)));
        Assert.Equal(1, schedule.CycleAt(entity, TimeSpan.FromMinutes(7.5)));
    }
}
