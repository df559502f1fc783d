using System.Net;
using System.Net.Sockets;
using Simulator.Ble;
using Simulator.Ble.Btsnoop;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Framing;
using Simulator.Ble.Link;
using Simulator.Ble.Radio;
using Simulator.Glucose;

namespace Simulator.Tests.Ble.Link;

public class BleCaptureTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sessions_btsnoop_reads_back_with_the_same_ATT_values_in_order()
    {
        var session = Session();
        using var file = new MemoryStream();

        var written = BleCapture.WriteBtsnoop(session, file);
        file.Position = 0;
        var capture = BtsnoopReader.Read(file);

        var values = session.Where(f => BleCapture.AttOpcodeOf(f.Event) is not null).ToList();
        Assert.Equal(values.Count, written);
        Assert.Equal(BtsnoopDatalink.HciUart, capture.Datalink);
        Assert.Equal(values.Select(f => Convert.ToHexString(f.Payload)), capture.AttValues.Select(v => Convert.ToHexString(v.Value)));
        Assert.Equal(values.Select(f => f.Characteristic), capture.AttValues.Select(v => v.Characteristic));
        Assert.Equal(values.Select(f => f.Direction == BleFrameDirection.PeripheralToCentral), capture.AttValues.Select(v => v.IsReceived));
        Assert.Equal(values.Select(f => f.UnixMicroseconds), capture.AttValues.Select(v => BtsnoopTime.ToUnixMicroseconds(v.Timestamp)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1_000_000.0)]
    public async Task Replay_of_a_btsnoop_file_delivers_the_same_frames_to_a_loopback_listener(double? speed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ble-replay-{Guid.NewGuid():N}.btsnoop");
        try
        {
            await using (var file = File.Create(path))
                BleCapture.WriteBtsnoop(Session(), file);
            IReadOnlyList<BleFrame> expected;
            await using (var file = File.OpenRead(path))
                expected = BleReplay.FramesFromBtsnoop(file, linkId: 4);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var target = new Uri($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
                var received = ReadAllAsync(listener);

                var sent = await BleReplay.SendAsync(path, target, TimeProvider.System, speed, CancellationToken.None, linkId: 4);

                var frames = await received.WaitAsync(TimeSpan.FromSeconds(20));
                Assert.Equal(expected.Count, sent);
                Assert.Equal(expected.Count, frames.Count);
                Assert.All(expected.Zip(frames), p => Assert.True(p.First.SameAs(p.Second)));
                Assert.All(frames, f => Assert.Equal(4, f.LinkId));
            }
            finally
            {
                listener.Stop();
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("tcp://10.1.2.3:9000")]
    [InlineData("tcp://example.com:9000")]
    [InlineData("http://127.0.0.1:9000")]
    public async Task Replay_refuses_a_target_that_is_not_a_loopback_tcp_listener(string target)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => BleReplay.SendAsync(Session(), new Uri(target), TimeProvider.System, null, CancellationToken.None));
        Assert.StartsWith("BLE replay sends only to a loopback listener", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A real exchange with the state machine: writes as the phone sent them, answers as the transmitter sent them.</summary>
    private static List<BleFrame> Session()
    {
        var tx = new VirtualTransmitter(1, "8G1234", TransmitterGeneration.G6, T0.AddDays(-3), seed: 3);
        tx.Measure(new Reading("p", T0, 111, Trend.Flat));
        var now = T0.AddSeconds(5);
        var session = new List<BleFrame> { tx.OpenWindow(now) };
        void Send(BleFrameEvent ev, Guid chr, byte[] payload)
        {
            var frame = new BleFrame(ev, BleFrameDirection.CentralToPeripheral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(now), 1, chr == Guid.Empty ? Guid.Empty : DexcomUuids.CgmService, chr, payload);
            session.Add(frame);
            session.AddRange(tx.Handle(frame, now).Frames);
            now = now.AddMilliseconds(40);
        }

        Send(BleFrameEvent.Connect, Guid.Empty, []);
        Send(BleFrameEvent.CccdChange, DexcomUuids.Authentication, [2, 0]);
        Send(BleFrameEvent.CccdChange, DexcomUuids.Control, [1, 0]);
        byte[] token = [9, 8, 7, 6, 5, 4, 3, 2];
        Send(BleFrameEvent.WriteRequest, DexcomUuids.Authentication, new AuthRequestTx(token, 2).Encode());
        var challenge = AuthChallengeRx.Decode(session[^1].Payload).Challenge;
        Send(BleFrameEvent.WriteRequest, DexcomUuids.Authentication, new AuthChallengeTx(DexcomAuthHash.Compute("8G1234", challenge)).Encode());
        Send(BleFrameEvent.WriteCommand, DexcomUuids.Control, new GlucoseTx().Encode());
        Send(BleFrameEvent.WriteRequest, DexcomUuids.Control, new DisconnectTx().Encode());
        return session;
    }

    private static async Task<List<BleFrame>> ReadAllAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var parser = new FrameStreamParser();
        var frames = new List<BleFrame>();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            parser.Append(buffer.AsSpan(0, read));
            while (parser.TryRead(out var frame))
                frames.Add(frame!);
        }

        return frames;
    }
}
