using System.Net;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Latency;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Faults.Latency;

/// <summary>Latency is served in virtual time: at 600x a virtual minute costs a tenth of a real second.</summary>
public sealed class LatencyFaultTests
{
    private const double Speed = 600;
    // Timers may fire up to about a millisecond early against the monotonic clock: allow that much, in virtual time.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Epoch = Rig.T0.AddHours(1);

    private static LatencyFault Fault(LatencyFaultOptions options, int seed = 1) =>
        new(Rig.Fault("dexcom-share", "read", Epoch, options), options, new Random(seed));

    private static async Task<(TimeSpan VirtualElapsed, int Status)> TimedReadAsync(VirtualClock clock, ShareHarness share, string session)
    {
        var sent = clock.GetUtcNow();
        using var response = await share.ReadAsync(session);
        return (clock.GetUtcNow() - sent, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_fixed_delay_holds_each_answer_for_that_much_virtual_time()
    {
        var delay = TimeSpan.FromMinutes(1);
        var clock = new VirtualClock(Epoch, Speed);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", Epoch, new LatencyFaultOptions { Delay = delay, MaxDelay = delay }));
        clock.Start();
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, Epoch, 120, Trend.Flat));
        var session = await share.LoginAsync();

        for (var i = 0; i < 2; i++)
        {
            var (elapsed, status) = await TimedReadAsync(clock, share, session);
            Assert.True(elapsed >= delay - TimerSlack, $"answered after {elapsed} virtual, expected at least {delay}");
            Assert.Equal(200, status);
        }

        var records = await share.ReadRecordsAsync(session);
        Assert.Equal(120, Assert.Single(records).GetProperty("Value").GetInt32());
        await Eventually.UntilAsync(() => share.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "read") == 3, "three journaled reads");
        Assert.All(share.Journal.OfType<RequestServed>().Where(r => r.Endpoint == "read"), r => Assert.Equal(("latency", 200), (r.Fault, r.Status)));
        Assert.All(share.Journal.OfType<RequestServed>().Where(r => r.Endpoint == "login"), r => Assert.Null(r.Fault));
    }

    [Fact]
    public async Task A_uniform_delay_holds_each_answer_at_least_its_minimum()
    {
        var min = TimeSpan.FromSeconds(30);
        var clock = new VirtualClock(Epoch, Speed);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", Epoch,
            new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = min, MaxDelay = TimeSpan.FromSeconds(45) }));
        clock.Start();
        var session = await share.LoginAsync();

        for (var i = 0; i < 3; i++)
        {
            var (elapsed, status) = await TimedReadAsync(clock, share, session);
            Assert.True(elapsed >= min - TimerSlack, $"answered after {elapsed} virtual, expected at least {min}");
            Assert.Equal(200, status);
        }
    }

    [Fact]
    public async Task Latency_comes_before_an_outage_on_the_same_endpoint()
    {
        var delay = TimeSpan.FromMinutes(1);
        var clock = new VirtualClock(Epoch, Speed);
        using var share = new ShareHarness(clock,
            Rig.Fault("dexcom-share", "read", Epoch, new OutageFaultOptions { StatusCode = 500 }),
            Rig.Fault("dexcom-share", "read", Epoch, new LatencyFaultOptions { Delay = delay, MaxDelay = delay }));
        clock.Start();
        var session = await share.LoginAsync();

        var (elapsed, status) = await TimedReadAsync(clock, share, session);

        Assert.Equal(500, status);
        Assert.True(elapsed >= delay - TimerSlack, $"the error came after only {elapsed} virtual");
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the read");
        Assert.Equal(("outage", 500), (served.Fault, served.Status));
    }

    [Fact]
    public void The_timeline_orders_latency_before_failing_faults()
    {
        var timeline = new FaultTimeline(
        [
            Rig.Fault("dexcom-share", "read", Epoch, new OutageFaultOptions()),
            Rig.Fault("dexcom-share", null, Epoch, new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(5) }),
            Rig.Fault("dexcom-share", "login", Epoch, new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(5) }),
        ], seed: 1);

        var active = timeline.ActiveFor("dexcom-share", "read", Epoch.AddMinutes(1));

        Assert.Collection(active, f => Assert.IsType<LatencyFault>(f), f => Assert.Equal("outage", f.Spec.Kind));
        Assert.Empty(timeline.ActiveFor("dexcom-share", "read", Epoch.AddMinutes(-1)));
        Assert.Empty(timeline.ActiveFor("nightscout", "read", Epoch.AddMinutes(1)));
    }

    [Fact]
    public void A_fixed_delay_is_always_the_same()
    {
        var fault = Fault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) });

        Assert.All(Enumerable.Range(0, 100).Select(_ => fault.NextDelay()), d => Assert.Equal(TimeSpan.FromSeconds(30), d));
    }

    [Fact]
    public void A_uniform_delay_spreads_evenly_between_min_and_max()
    {
        var min = TimeSpan.FromSeconds(5);
        var max = TimeSpan.FromMinutes(2);
        var fault = Fault(new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = min, MaxDelay = max });

        var draws = Enumerable.Range(0, 10_000).Select(_ => fault.NextDelay()).ToList();

        Assert.All(draws, d => Assert.InRange(d, min, max));
        var span = (max - min).TotalSeconds;
        // Every tenth of the range gets about a tenth of the draws (1000 ± 4.5 sd).
        var deciles = draws.GroupBy(d => Math.Min(9, (int)((d - min).TotalSeconds / span * 10))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, deciles.Count);
        Assert.All(deciles.Values, n => Assert.InRange(n, 850, 1150));
        Assert.InRange(draws.Average(d => d.TotalSeconds), (min.TotalSeconds + max.TotalSeconds) / 2 - 2, (min.TotalSeconds + max.TotalSeconds) / 2 + 2);
    }

    [Fact]
    public void Uniform_delays_are_reproducible_for_a_seed()
    {
        var options = new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(9) };
        static List<TimeSpan> Draws(LatencyFault fault) => [.. Enumerable.Range(0, 50).Select(_ => fault.NextDelay())];

        var first = Draws(Fault(options, seed: 5));

        Assert.Equal(first, Draws(Fault(options, seed: 5)));
        Assert.NotEqual(first, Draws(Fault(options, seed: 6)));
        Assert.True(first.Distinct().Count() > 40, "uniform draws should vary from request to request");
    }

    private static LatencyFaultOptions Lognormal(TimeSpan median, double sigma) =>
        new() { Distribution = LatencyDistribution.Lognormal, Delay = median, Sigma = sigma };

    [Fact]
    public void A_lognormal_delay_has_its_median_and_its_p99()
    {
        // p50 2s, p99 30s: sigma = ln(15) / z(0.99).
        var sigma = Math.Log(15) / 2.3263478740408408;
        var fault = Fault(Lognormal(TimeSpan.FromSeconds(2), sigma));

        var draws = Enumerable.Range(0, 20_000).Select(_ => fault.NextDelay().TotalSeconds).Order().ToList();

        Assert.All(draws, d => Assert.True(d > 0));
        Assert.InRange(draws[10_000], 1.9, 2.1);
        Assert.InRange(draws[19_800], 26, 34);
    }

    [Fact]
    public void Lognormal_delays_are_reproducible_for_a_seed()
    {
        var options = Lognormal(TimeSpan.FromSeconds(1), 0.5);
        static List<TimeSpan> Draws(LatencyFault fault) => [.. Enumerable.Range(0, 50).Select(_ => fault.NextDelay())];

        var first = Draws(Fault(options, seed: 5));

        Assert.Equal(first, Draws(Fault(options, seed: 5)));
        Assert.NotEqual(first, Draws(Fault(options, seed: 6)));
    }

    [Fact]
    public async Task A_lognormal_delay_holds_the_answer_for_the_seeded_draw()
    {
        var clock = new VirtualClock(Epoch, Speed);
        var spec = Rig.Fault("dexcom-share", "read", Epoch, Lognormal(TimeSpan.FromSeconds(30), 0.5));
        using var share = new ShareHarness(clock, spec);
        // A timeline with the same seed draws the same delays: its first is what the first read waits.
        var expected = Assert.IsType<LatencyFault>(Assert.Single(new FaultTimeline([spec], seed: 7).ActiveFor("dexcom-share", "read", Epoch))).NextDelay();
        clock.Start();
        var session = await share.LoginAsync();

        var (elapsed, status) = await TimedReadAsync(clock, share, session);

        Assert.Equal(200, status);
        Assert.True(elapsed >= expected - TimerSlack, $"answered after {elapsed} virtual, expected the drawn {expected}");
    }

    [Fact]
    public async Task A_dribble_sends_the_headers_at_once_and_the_body_at_its_pace()
    {
        // 20 bytes per virtual second at 30x: a 110-byte body takes about 5.5 virtual seconds, 180 ms real.
        const double Pace = 20;
        var clock = new VirtualClock(Epoch, speed: 30);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", Epoch, new LatencyFaultOptions { DribbleBytesPerSecond = Pace }));
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, Epoch, 120, Trend.Flat));
        var session = await share.LoginAsync();
        clock.Start();

        var sent = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=1440&maxCount=1", UriKind.Relative))
        {
            Content = Http.JsonBody(new { }),
        };
        using var response = await share.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = clock.GetUtcNow() - sent;
        var body = await response.Content.ReadAsByteArrayAsync();
        var bodyAfter = clock.GetUtcNow() - sent;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var records = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(120, Assert.Single(records.EnumerateArray()).GetProperty("Value").GetInt32());
        var expected = TimeSpan.FromSeconds(body.Length / Pace);
        Assert.True(headersAfter < expected / 2, $"headers came after {headersAfter} virtual, the whole body takes {expected}");
        Assert.True(bodyAfter >= expected - TimeSpan.FromSeconds(1), $"the body was complete after {bodyAfter} virtual, expected about {expected}");
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the dribbled read");
        Assert.Equal((200, "latency"), (served.Status, served.Fault));
    }

    [Fact]
    public async Task A_client_that_will_not_wait_for_a_dribble_times_out()
    {
        // At 60x, 110 bytes at 1 byte per virtual second take almost 2 s real: far longer than the client waits.
        var clock = new VirtualClock(Epoch, speed: 60);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", Epoch, new LatencyFaultOptions { DribbleBytesPerSecond = 1 }));
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, Epoch, 120, Trend.Flat));
        var session = await share.LoginAsync();
        using var impatient = new HttpClient { BaseAddress = share.Fake.ServicesUrl, Timeout = TimeSpan.FromMilliseconds(500) };
        clock.Start();

        var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(
            new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=1440&maxCount=1", UriKind.Relative), Http.JsonBody(new { })));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the abandoned read");
        Assert.Equal((0, "latency"), (served.Status, served.Fault));
    }

    [Fact]
    public async Task Latency_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Epoch, speed: 1);
        var (at, until) = WindowProbe.Window(Epoch);
        var delay = TimeSpan.FromMilliseconds(50);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, new LatencyFaultOptions { Delay = delay, MaxDelay = delay }));
        var session = await share.LoginAsync();

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "latency", async () =>
        {
            using var response = await share.ReadAsync(session);
        });
    }
}
