using ReferenceSystem.Tests.Apis;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Profiles;

/// <summary>
/// A vendor recovering from a backlog can release old readings after newer ones (a shuffled drain, or live uploads
/// overtaking the queue). The resilient profile reads back to the oldest hole until it is filled, so none is lost.
/// </summary>
public class ResilientFollowerBackfillTests
{
    [Fact]
    public async Task A_reading_released_after_newer_ones_fills_its_hole_then_reads_shrink_back_to_the_gap()
    {
        await using var scenario = await FollowScenario.StartAsync(speed: 300);
        var share = scenario.Share;
        var t0 = scenario.Clock.Now;
        var late = t0 - TimeSpan.FromMinutes(40);
        // Every 5 minutes except `late`, which is still in the vendor's backlog.
        share.AddSeries(t0 - TimeSpan.FromMinutes(60), late - TimeSpan.FromMinutes(5), _ => 120);
        share.AddSeries(late + TimeSpan.FromMinutes(5), t0 + TimeSpan.FromHours(2), _ => 120);

        await scenario.FollowAsync(scenario.Body("resilient", noDataMinutes: 240));
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 2, "two reads with the hole open");
        Assert.All(share.Calls.Where(c => c.Endpoint == "Read" && c.Status == 200), c => Assert.True(c.Minutes >= 45, $"read {c.Minutes} min"));

        share.Add(late, 120);                                        // the backlog releases it, long after newer readings
        await Eventually.UntilAsync(async () => FollowIngestApiTests.Entries(await FollowIngestApiTests.IngestAsync(scenario))
            .GetValueOrDefault(late.ToUnixTimeMilliseconds()).Kept == 1, "the late reading is kept");

        var reads = share.Calls.Count(c => c.Endpoint == "Read");
        await Eventually.UntilAsync(() => share.Calls.Count(c => c.Endpoint == "Read") >= reads + 2, "two more reads");
        var last = share.Calls.Where(c => c.Endpoint == "Read").Last();
        Assert.True(last.Minutes <= 15, $"a history without holes reads only the gap, not {last.Minutes} min");
    }

    [Fact]
    public async Task After_Share_had_nothing_a_fresh_reading_first_and_the_backlog_behind_it_are_all_kept()
    {
        await using var scenario = await FollowScenario.StartAsync(speed: 300);
        var share = scenario.Share;
        var t0 = scenario.Clock.Now;

        await scenario.FollowAsync(scenario.Body("resilient", noDataMinutes: 240));
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 1, "a read that finds nothing");
        var fresh = scenario.Clock.Now;
        share.Add(fresh, 110);                                       // a live upload overtakes the backlog
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 3, "the fresh reading is read");
        var backlog = Enumerable.Range(1, 12).Select(i => t0 - TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5 * i)).ToList();
        foreach (var t in backlog)
            share.Add(t, 100);                                       // three hours old when it finally comes out

        await Eventually.UntilAsync(async () =>
        {
            var entries = FollowIngestApiTests.Entries(await FollowIngestApiTests.IngestAsync(scenario));
            return backlog.All(t => entries.GetValueOrDefault(t.ToUnixTimeMilliseconds()).Kept == 1);
        }, "every backlog reading is kept");
        Assert.Empty(scenario.Fcm.Received);                         // old news raises no alert
        Assert.True(share.Calls.Where(c => c.Endpoint == "Read").Last().Minutes >= 180 - 1, "reads reach back over the hole");
    }
}
