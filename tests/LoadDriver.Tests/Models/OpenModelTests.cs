using LoadDriver.Models;

namespace LoadDriver.Tests.Models;

public class OpenModelTests
{
    [Fact]
    public void A_constant_rate_is_evenly_spaced_and_stops_at_the_duration()
    {
        var schedule = new ConstantRate(4, TimeSpan.FromSeconds(1), 100).Schedule().ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(750)], schedule);
    }

    [Fact]
    public void The_maximum_request_count_cuts_the_schedule_short()
    {
        Assert.Equal(10, new ConstantRate(1000, TimeSpan.FromSeconds(10), maxRequests: 10).Schedule().Count());
    }

    [Fact]
    public void A_linear_ramp_sends_the_area_under_its_rate_and_speeds_up()
    {
        // From 0/s to 200/s over 2 s: the area under the rate is 200 requests.
        var schedule = new RampingRate(0, 200, TimeSpan.FromSeconds(2), 10_000).Schedule().ToList();

        Assert.InRange(schedule.Count, 199, 200);
        // Rate r(t) = 100 t: 50 requests in [0,1) and 150 in [1,2).
        Assert.InRange(schedule.Count(t => t < TimeSpan.FromSeconds(1)), 50, 51);
        Assert.Equal(schedule.Order().ToList(), schedule);
    }

    [Fact]
    public void A_falling_ramp_to_zero_ends_when_the_rate_does()
    {
        var schedule = new RampingRate(100, 0, TimeSpan.FromSeconds(2), 10_000).Schedule().ToList();

        Assert.InRange(schedule.Count, 99, 100);
        Assert.All(schedule, t => Assert.True(t < TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Bursts_put_all_their_requests_at_their_instant_and_drop_bursts_after_the_duration()
    {
        var model = new Bursts([new Burst(TimeSpan.FromSeconds(1), 3), new Burst(TimeSpan.Zero, 2), new Burst(TimeSpan.FromSeconds(5), 9)],
            TimeSpan.FromSeconds(2), 100);

        var one = TimeSpan.FromSeconds(1);
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, one, one, one], model.Schedule().ToList());
    }

    [Fact]
    public void Models_must_be_bounded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantRate(10, TimeSpan.Zero, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedModel(4, TimeSpan.FromSeconds(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedModel(0, TimeSpan.FromSeconds(1), 10));
    }
}
