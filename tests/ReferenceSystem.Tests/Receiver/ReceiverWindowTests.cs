using ReferenceSystem.Tests.Support;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Tests.Receiver;

/// <summary>The receiver end to end: a fake transmitter on real loopback TCP, fake Share/Nightscout/local-alarm endpoints.</summary>
public class ReceiverWindowTests
{
    [Fact]
    public async Task Authenticates_and_uploads_each_live_reading_once_with_its_own_time_and_value()
    {
        await using var scenario = await ReceiverScenario.StartAsync(glucose: k => 100 + (5 * k));
        var tx = scenario.Transmitter;
        await scenario.StartReceiverAsync();

        await scenario.WindowAtReadingAsync(0);
        tx.DropConnection(); // the harness restarts: the receiver must reconnect on its own
        await scenario.WindowAtReadingAsync(1);
        await scenario.WindowAtReadingAsync(2);

        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 3 && scenario.Nightscout.Stored.Count >= 3, "three uploads to each vendor");
        var expected = Enumerable.Range(0, 3).Select(k => tx.ReadingTime(k)).ToList();
        Assert.Equal(expected, scenario.Share.Stored.Select(r => r.SensorTime));
        Assert.Equal(expected, scenario.Nightscout.Stored.Select(r => r.SensorTime));
        Assert.Equal([100, 105, 110], scenario.Share.Stored.Select(r => r.Mgdl));
        Assert.Equal([100, 105, 110], scenario.Nightscout.Stored.Select(r => r.Mgdl));
        Assert.All(scenario.Share.Stored, r => Assert.Equal("4", r.Trend)); // trend byte 0 → Flat
        Assert.All(scenario.Share.SerialNumbers, sn => Assert.Equal(FakeTransmitter.Id, sn));
        Assert.All(scenario.Nightscout.ApiSecrets, s => Assert.Equal(NightscoutClient.HashSecret(FakeNightscout.ApiSecret), s));

        Assert.Equal(3, tx.AuthSucceeded);
        Assert.Equal(0, tx.AuthFailed);
        Assert.True(tx.Connections >= 2, "reconnected after the drop");
        Assert.Empty(tx.BackfillRequests);
        Assert.Empty(scenario.Alarms.Reported);

        var state = await scenario.TransmitterStateAsync();
        Assert.Equal(3, state.GetProperty("windowsConnected").GetInt64());
        Assert.Equal(0, state.GetProperty("windowsMissed").GetInt64());
        Assert.Equal(110, state.GetProperty("lastReading").GetProperty("mgdl").GetInt32());
        Assert.DoesNotContain(FakeShare.Password, (await scenario.StateAsync()).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_45_silent_minutes_backfills_the_9_missed_readings_once_in_order_and_alarms_only_signal_loss()
    {
        // Readings 2-4 (10-20 min) are urgent lows, but they are 30+ minutes old when the backfill brings them.
        await using var scenario = await ReceiverScenario.StartAsync(glucose: k => k is >= 2 and <= 4 ? 50 : 120);
        var tx = scenario.Transmitter;
        await scenario.StartReceiverAsync();

        await scenario.WindowAtReadingAsync(0);
        // Out of range for 45 minutes: readings 1-9 are never advertised; the phone alarms signal loss at +20 min.
        await Eventually.UntilAsync(() => scenario.Alarms.Of("signal-loss").Count == 1, "signal-loss alarm");
        await scenario.WindowAtReadingAsync(10);

        var expected = Enumerable.Range(0, 11).Select(k => tx.ReadingTime(k)).ToList();
        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 11 && scenario.Nightscout.Stored.Count >= 11, "all 11 readings uploaded");
        Assert.Equal(expected, scenario.Share.Stored.Select(r => r.SensorTime));
        Assert.Equal(expected, scenario.Nightscout.Stored.Select(r => r.SensorTime));
        Assert.Equal(Enumerable.Range(0, 11).Select(k => k is >= 2 and <= 4 ? 50 : 120), scenario.Share.Stored.Select(r => r.Mgdl));

        var request = Assert.Single(tx.BackfillRequests);
        Assert.Equal(tx.ReadingTime(0) - TimeSpan.FromMinutes(5), request.Start); // last reading before the gap − 5 min
        Assert.InRange(request.End - tx.ReadingTime(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6)); // now + 5 min

        var state = await scenario.TransmitterStateAsync();
        Assert.Equal(9, state.GetProperty("backfilledReadings").GetInt64());
        Assert.Equal(9, state.GetProperty("windowsMissed").GetInt64());

        // Later windows find no gap: nothing is fetched or uploaded twice.
        await scenario.WindowAtReadingAsync(11);
        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 12, "reading 11 uploaded");
        Assert.Single(tx.BackfillRequests);
        Assert.Equal(12, scenario.Share.Stored.Select(r => r.SensorTime).Distinct().Count());
        Assert.Equal(12, scenario.Share.Stored.Count);

        var signalLoss = Assert.Single(scenario.Alarms.Reported);
        Assert.Equal("signal-loss", signalLoss.Alert);
        Assert.Equal("child-1", signalLoss.Patient);
        Assert.Equal(tx.ReadingTime(0), signalLoss.ReadingAt);
    }

    [Fact]
    public async Task A_live_urgent_low_raises_one_local_alarm_per_episode()
    {
        await using var scenario = await ReceiverScenario.StartAsync(glucose: k => k is 1 or 2 ? 50 : 120);
        var tx = scenario.Transmitter;
        await scenario.StartReceiverAsync();

        for (var k = 0; k <= 3; k++)
            await scenario.WindowAtReadingAsync(k);

        await Eventually.UntilAsync(() => scenario.Alarms.Of("urgent-low").Count == 1 && scenario.Alarms.Of("low").Count == 1, "urgent-low and low");
        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 4, "four uploads");
        var urgent = Assert.Single(scenario.Alarms.Of("urgent-low"));
        Assert.Equal(tx.ReadingTime(1), urgent.ReadingAt);
        Assert.Equal("child-1", urgent.Patient);
        Assert.Single(scenario.Alarms.Of("low"));
        Assert.Empty(scenario.Alarms.Of("high"));
        var alarms = (await scenario.TransmitterStateAsync()).GetProperty("alarms");
        Assert.Equal(2, alarms.GetArrayLength());
    }

    [Fact]
    public async Task A_Share_outage_delays_uploads_but_loses_and_duplicates_nothing()
    {
        await using var scenario = await ReceiverScenario.StartAsync();
        var tx = scenario.Transmitter;
        scenario.Share.Down = true;
        await scenario.StartReceiverAsync();

        for (var k = 0; k <= 2; k++)
            await scenario.WindowAtReadingAsync(k);
        await Eventually.UntilAsync(() => scenario.Nightscout.Stored.Count >= 3, "Nightscout is not held up by Share");
        await Eventually.UntilAsync(() => scenario.Share.FailedCalls >= 3, "Share uploads are retried");
        var pending = (await scenario.TransmitterStateAsync()).GetProperty("uploads").GetProperty("dexcom-share");
        Assert.Equal(3, pending.GetProperty("pending").GetInt32());
        Assert.Empty(scenario.Share.Stored);

        scenario.Share.Down = false;
        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 3, "the backlog reaches Share");
        await scenario.WindowAtReadingAsync(3);
        await Eventually.UntilAsync(() => scenario.Share.Stored.Count >= 4, "the next reading too");

        var expected = Enumerable.Range(0, 4).Select(k => tx.ReadingTime(k)).ToList();
        Assert.Equal(expected, scenario.Share.Stored.Select(r => r.SensorTime));
        Assert.Equal(expected, scenario.Nightscout.Stored.Select(r => r.SensorTime));
        await Eventually.UntilAsync(async () =>
            (await scenario.TransmitterStateAsync()).GetProperty("uploads").GetProperty("dexcom-share").GetProperty("pending").GetInt32() == 0,
            "nothing pending");
    }

    [Fact]
    public async Task Refuses_a_transmitter_whose_token_hash_is_wrong()
    {
        await using var scenario = await ReceiverScenario.StartAsync(keyId: "9X9999");
        var tx = scenario.Transmitter;
        await scenario.StartReceiverAsync();

        await Eventually.UntilVirtualAsync(scenario.Clock, tx.ReadingTime(0) + TimeSpan.FromSeconds(10));
        Assert.Equal("receiver disconnected", await tx.WindowAsync());

        Assert.Equal(0, tx.AuthSucceeded + tx.AuthFailed); // the challenge was never answered
        var state = await scenario.TransmitterStateAsync();
        Assert.Equal(1, state.GetProperty("authFailures").GetInt64());
        Assert.Equal(0, state.GetProperty("windowsConnected").GetInt64());
        Assert.Empty(scenario.Share.Stored);
    }
}
