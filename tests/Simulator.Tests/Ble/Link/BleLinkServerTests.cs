using System.Net.WebSockets;
using System.Text;
using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;
using Simulator.Ble.Link;
using Simulator.Ble.Radio;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Ble.Link;

public class BleLinkServerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Activated = T0.AddDays(-3);

    [Fact]
    public async Task A_receiver_gets_an_advertisement_every_300_s_and_reads_each_new_reading()
    {
        var (clock, journal, server) = await StartSteppedAsync(Spec(1, "child-1", "8G1234"));
        await using var _ = server;
        server.Measure(new Reading("child-1", T0, 123, Trend.Flat));
        server.Measure(new Reading("child-1", T0.AddMinutes(5), 131, Trend.SingleUp)); // learnt when its time comes
        await using var receiver = await AttachAsync(server, clock);

        clock.AdvanceTo(T0.AddSeconds(5));
        var first = await receiver.AdvertisementAsync(1);
        var (time, glucose) = await receiver.ReadGlucoseAsync(1, "8G1234");
        await receiver.DisconnectAsync(1);
        clock.AdvanceTo(T0.AddSeconds(305));
        var second = await receiver.AdvertisementAsync(1);
        var (_, glucose2) = await receiver.ReadGlucoseAsync(1, "8G1234");
        clock.AdvanceTo(T0.AddSeconds(365));

        Assert.Equal("8G1234", Encoding.ASCII.GetString(first.Payload));
        Assert.Equal((T0.AddSeconds(5), TimeSpan.FromSeconds(300)), (first.Timestamp, second.Timestamp - first.Timestamp));
        Assert.Equal((123, DexTime.At(Activated, T0)), (glucose.Glucose, glucose.Timestamp));
        Assert.Equal((131, DexTime.At(Activated, T0.AddMinutes(5)), (sbyte)25), (glucose2.Glucose, glucose2.Timestamp, glucose2.Trend));
        // docs/ble-link.md: activation = frame time (whole seconds) − currentTime; reading time = activation + timestamp.
        var timeFrame = receiver.Session.First(f => f.Direction == BleFrameDirection.PeripheralToCentral && f.Payload.Length > 0 && f.Payload[0] == 0x25);
        var activation = DateTimeOffset.FromUnixTimeSeconds(timeFrame.Timestamp.ToUnixTimeSeconds()).AddSeconds(-time.CurrentTime);
        Assert.Equal(Activated, activation);
        Assert.Equal(T0, activation.AddSeconds(glucose.Timestamp));
        var windows = await WindowsAsync(journal, 1, count: 2);
        Assert.Equal([("connected", T0.AddSeconds(5)), ("connected", T0.AddSeconds(305))], windows.Select(w => (w.Outcome, w.OpenedAt)));
        Assert.Contains(journal.OfType<BleFrameRecorded>(), f => f is { Direction: "p2c", Message: "GlucoseRx", Characteristic: "control", Event: "notify", Receiver: 1 });
    }

    [Fact]
    public async Task A_split_and_coalesced_byte_stream_is_parsed_and_answered()
    {
        var (clock, _, server) = await StartSteppedAsync(Spec(1, "child-1", "8G1234"));
        await using var __ = server;
        await using var receiver = await AttachAsync(server, clock);
        clock.AdvanceTo(T0.AddSeconds(5));
        await receiver.AdvertisementAsync(1);

        foreach (var b in BleFrameCodec.Encode(receiver.C2p(BleFrameEvent.Connect, 1, Guid.Empty, [])))
            await receiver.SendRawAsync([b]);
        await receiver.ConnectedAsync(1);
        await receiver.SendRawAsync([.. new[]
        {
            receiver.C2p(BleFrameEvent.CccdChange, 1, DexcomUuids.Authentication, [0x01, 0x00]),
            receiver.C2p(BleFrameEvent.CccdChange, 1, DexcomUuids.Control, [0x01, 0x00]),
        }.SelectMany(BleFrameCodec.Encode)]);
        var status = await receiver.AuthenticateAsync(1, "8G1234");

        Assert.Equal(1, status.Authenticated);
    }

    [Fact]
    public async Task A_garbage_frame_closes_only_that_connection_with_a_reason_and_is_journaled()
    {
        var (clock, journal, server) = await StartAsync(speed: 600, Spec(1, "child-1", "8G1234"));
        await using var _ = server;
        await using var good = await AttachAsync(server, clock);
        await using var bad = await AttachAsync(server, clock, expected: 2);
        await using var lost = await AttachAsync(server, clock, expected: 3);
        clock.Start();
        await good.AdvertisementAsync(1);

        await bad.SendRawAsync([5, 0, 0, 0, 0xDE, 0xAD]);
        await lost.SendAsync(lost.C2p(BleFrameEvent.Connect, 9, Guid.Empty, []));

        var fault = await bad.NextAsync(f => f.Event == BleFrameEvent.FaultMarker, "the fault frame");
        Assert.Contains("frame length 5", Encoding.UTF8.GetString(fault.Payload), StringComparison.Ordinal);
        await bad.Closed.WaitAsync(BleLinkTestReceiver.DefaultTimeout);
        var noLink = await lost.NextAsync(f => f.Event == BleFrameEvent.FaultMarker, "the fault frame");
        Assert.Contains("link 9 does not exist; this run has links 1", Encoding.UTF8.GetString(noLink.Payload), StringComparison.Ordinal);
        await good.AdvertisementAsync(1); // the next window still reaches the well-behaved receiver
        await Eventually.UntilAsync(() => journal.OfType<BleReceiverChanged>().Count(c => c.Change == "rejected") == 2, "two rejections journaled");
        Assert.Contains(journal.OfType<BleReceiverChanged>(), c => c.Change == "rejected" && c.Reason!.Contains("frame length 5", StringComparison.Ordinal));
        Assert.Equal(1, server.ReceiverCount);
    }

    [Fact]
    public async Task WebSocket_carries_binary_frames_and_json_text_frames()
    {
        var (clock, journal, server) = await StartSteppedAsync(Spec(1, "child-1", "8G1234"), Spec(2, "child-2", "8H5678"));
        await using var _ = server;
        using var binary = new ClientWebSocket();
        using var json = new ClientWebSocket();
        await binary.ConnectAsync(server.WebSocketUrl, CancellationToken.None);
        await json.ConnectAsync(new Uri(server.WebSocketUrl + "?format=json"), CancellationToken.None);
        await Eventually.UntilAsync(() => server.ReceiverCount == 2, "both WebSocket receivers attached");
        clock.AdvanceTo(T0.AddSeconds(5));

        var advert = BleFrameCodec.Decode((await ReceiveAsync(binary, WebSocketMessageType.Binary, _ => true)).Bytes);
        Assert.Equal(BleFrameEvent.Advertisement, advert.Event);
        var jsonAdvert = await ReceiveAsync(json, WebSocketMessageType.Text, _ => true);
        Assert.Contains("\"ev\":\"advertisement\"", jsonAdvert.Text, StringComparison.Ordinal);

        var connect = new BleFrame(BleFrameEvent.Connect, BleFrameDirection.CentralToPeripheral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(clock.GetUtcNow()), 1, Guid.Empty, Guid.Empty, []);
        await binary.SendAsync(BleFrameCodec.Encode(connect), WebSocketMessageType.Binary, true, CancellationToken.None);
        await json.SendAsync(Encoding.UTF8.GetBytes(BleFrameJson.Serialize(connect with { LinkId = 2 })), WebSocketMessageType.Text, true, CancellationToken.None);

        var binaryAnswer = await ReceiveFrameAsync(binary, f => f.Event == BleFrameEvent.Connect);
        var jsonAnswer = await ReceiveFrameAsync(json, f => f.Event == BleFrameEvent.Connect);
        Assert.Equal((1, BleFrameDirection.PeripheralToCentral), (binaryAnswer.LinkId, binaryAnswer.Direction));
        Assert.Equal(2, jsonAnswer.LinkId);
        Assert.Contains(journal.OfType<BleReceiverChanged>(), c => c.Transport == "websocket");
    }

    [Fact]
    public async Task Out_of_range_windows_are_not_advertised_and_the_receiver_backfills_the_gap_afterwards()
    {
        var radio = new RadioPlan(seed: 1, outOfRange: [new RadioSpan(T0.AddMinutes(4), T0.AddMinutes(14))]);
        var (clock, journal, server) = await StartSteppedAsync(Spec(1, "child-1", "8G1234", radio));
        await using var _ = server;
        for (var m = 0; m <= 15; m += 5)
            server.Measure(new Reading("child-1", T0.AddMinutes(m), 100 + m, Trend.Flat));
        await using var receiver = await AttachAsync(server, clock);

        clock.AdvanceTo(T0.AddSeconds(5));
        await receiver.AdvertisementAsync(1);
        var (_, before) = await receiver.ReadGlucoseAsync(1, "8G1234");
        await receiver.DisconnectAsync(1);
        clock.AdvanceTo(T0.AddMinutes(15).AddSeconds(5));
        var next = await receiver.AdvertisementAsync(1);
        var (_, after) = await receiver.ReadGlucoseAsync(1, "8G1234");
        var (contents, summary, _) = await receiver.BackfillAsync(1, before.Timestamp + 300, after.Timestamp - 300);

        Assert.Equal(T0.AddSeconds(905), next.Timestamp); // window 3; windows 1 (05:05) and 2 (10:05) were out of range
        Assert.Equal([105, 110], contents.Records.Select(r => (int)r.Glucose));
        Assert.Equal((before.Timestamp + 300, after.Timestamp - 300), (summary.StartTime, summary.EndTime));
        var windows = await WindowsAsync(journal, 1, count: 3);
        Assert.Equal(["connected", "out-of-range", "out-of-range"], windows.Select(w => w.Outcome));
        Assert.Equal(1, journal.OfType<BleFrameRecorded>().Count(f => f.Event == "advertisement" && f.At < T0.AddMinutes(14)));
    }

    private static BleLinkSpec Spec(ushort link, string patient, string id, RadioPlan? radio = null) =>
        new(link, patient, id, TransmitterGeneration.G6, radio ?? RadioPlan.Clear, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), Activated);

    private static async Task<(SteppedClock Clock, RunJournal Journal, BleLinkServer Server)> StartSteppedAsync(params BleLinkSpec[] links)
    {
        var clock = new SteppedClock(T0);
        var journal = new RunJournal();
        var server = await BleLinkServer.StartAsync(clock, T0, journal, links, CancellationToken.None);
        return (clock, journal, server);
    }

    private static async Task<(VirtualClock Clock, RunJournal Journal, BleLinkServer Server)> StartAsync(double speed, params BleLinkSpec[] links)
    {
        var clock = new VirtualClock(T0, speed);
        var journal = new RunJournal();
        var server = await BleLinkServer.StartAsync(clock, journal, links, CancellationToken.None);
        Assert.Equal("127.0.0.1", server.TcpUrl.Host);
        Assert.Equal("127.0.0.1", server.WebSocketUrl.Host);
        return (clock, journal, server);
    }

    /// <summary>Connects and waits until the server has registered the receiver, so it gets the first advertisement.</summary>
    private static async Task<BleLinkTestReceiver> AttachAsync(BleLinkServer server, TimeProvider clock, int expected = 1)
    {
        var receiver = await BleLinkTestReceiver.ConnectAsync(server.TcpUrl, clock);
        await Eventually.UntilAsync(() => server.ReceiverCount == expected, "the receiver to attach");
        return receiver;
    }

    private static async Task<IReadOnlyList<BleWindowClosed>> WindowsAsync(RunJournal journal, int link, int count)
    {
        await Eventually.UntilAsync(() => journal.OfType<BleWindowClosed>().Count(w => w.Link == link) >= count, $"{count} window outcomes");
        return [.. journal.OfType<BleWindowClosed>().Where(w => w.Link == link).OrderBy(w => w.Window).Take(count)];
    }

    private static async Task<BleFrame> ReceiveFrameAsync(ClientWebSocket socket, Func<BleFrame, bool> match)
    {
        while (true)
        {
            var (type, bytes, text) = await ReceiveAsync(socket, null, _ => true);
            var frame = type == WebSocketMessageType.Text ? BleFrameJson.Deserialize(text) : BleFrameCodec.Decode(bytes);
            if (match(frame))
                return frame;
        }
    }

    private static async Task<(WebSocketMessageType Type, byte[] Bytes, string Text)> ReceiveAsync(ClientWebSocket socket, WebSocketMessageType? expected, Func<byte[], bool> match)
    {
        using var cts = new CancellationTokenSource(BleLinkTestReceiver.DefaultTimeout);
        var buffer = new byte[65_536];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cts.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (expected is { } type)
                Assert.Equal(type, result.MessageType);
            var bytes = message.ToArray();
            if (match(bytes))
                return (result.MessageType, bytes, Encoding.UTF8.GetString(bytes));
        }
    }
}
