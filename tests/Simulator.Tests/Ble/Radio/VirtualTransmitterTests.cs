using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;
using Simulator.Ble.Dexcom.G7;
using Simulator.Ble.Framing;
using Simulator.Ble.Radio;
using Simulator.Glucose;

namespace Simulator.Tests.Ble.Radio;

public class VirtualTransmitterTests
{
    private const string Id = "8G1234";
    private const ushort Link = 3;
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Activated = T0.AddDays(-3);
    private static readonly byte[] Token = [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF];

    [Fact]
    public void Full_exchange_answers_auth_time_and_glucose_with_the_exact_bytes()
    {
        var tx = Transmitter();
        tx.Measure(new Reading("p1", T0, 123, Trend.FortyFiveUp));
        var now = T0.AddSeconds(10);

        var advertisement = tx.OpenWindow(now);
        Assert.Equal(BleFrameEvent.Advertisement, advertisement.Event);
        Assert.Equal(DexcomUuids.AdvertisedService, advertisement.Service);
        Assert.Equal("8G1234"u8.ToArray(), advertisement.Payload);

        var connected = Single(tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), now));
        Assert.Equal(BleFrameEvent.Connect, connected.Event);
        Assert.Equal(BleFrameDirection.PeripheralToCentral, connected.Direction);
        SubscribeAll(tx, now);

        var challengeFrame = Single(tx.Handle(Write(DexcomUuids.Authentication, new AuthRequestTx(Token, 2)), now));
        Assert.Equal(BleFrameEvent.Indicate, challengeFrame.Event); // Authentication was subscribed with 02 00
        var challenge = AuthChallengeRx.Decode(challengeFrame.Payload);
        Assert.Equal(DexcomAuthHash.Compute(Id, Token), challenge.TokenHash);

        var status = Single(tx.Handle(Write(DexcomUuids.Authentication, new AuthChallengeTx(DexcomAuthHash.Compute(Id, challenge.Challenge))), now));
        Assert.Equal("050101", Convert.ToHexStringLower(status.Payload));
        Assert.True(tx.IsAuthenticated);

        var time = Single(tx.Handle(Write(DexcomUuids.Control, new TransmitterTimeTx()), now));
        Assert.Equal(BleFrameEvent.Notify, time.Event);
        Assert.Equal(DexcomUuids.Control, time.Characteristic);
        // 3 days + 10 s since activation; the session started at activation (dex 0); reserved 1 as in every peer vector.
        Assert.Equal(new TransmitterTimeRx(0, 259_210, 0, 1).Encode(), time.Payload);

        var glucose = Single(tx.Handle(Write(DexcomUuids.Control, new GlucoseTx()), now));
        // sequence 864 = 5-minute slots since activation; timestamp = the reading's own dex time; state 6 OK; 45° up = 1.5 mg/dL/min.
        Assert.Equal(new GlucoseRx(0, 864, 259_200, 123, 0, 6, 15).Encode(), glucose.Payload);
        Assert.Equal(BleFrame.ToUnixMicroseconds(now), glucose.UnixMicroseconds);
        Assert.Equal(Link, glucose.LinkId);

        var bye = Single(tx.Handle(Write(DexcomUuids.Control, new DisconnectTx()), now));
        Assert.Equal(BleFrameEvent.Disconnect, bye.Event);
        Assert.Equal([(byte)DisconnectReason.RemoteUserTerminated], bye.Payload);
        Assert.False(tx.IsConnected);
    }

    [Fact]
    public void Wrong_challenge_hash_gets_status_0_then_a_disconnect_and_no_glucose()
    {
        var tx = ConnectedTransmitter(T0, out var now);
        var challenge = AuthChallengeRx.Decode(Single(tx.Handle(Write(DexcomUuids.Authentication, new AuthRequestTx(Token, 2)), now)).Payload);
        var wrong = DexcomAuthHash.Compute("8G9999", challenge.Challenge);

        var reply = tx.Handle(Write(DexcomUuids.Authentication, new AuthChallengeTx(wrong)), now);

        Assert.Equal(2, reply.Frames.Count);
        Assert.Equal(new AuthStatusRx(0, 0).Encode(), reply.Frames[0].Payload);
        Assert.Equal(BleFrameEvent.Disconnect, reply.Frames[1].Event);
        Assert.Equal([(byte)DisconnectReason.AuthenticationFailure], reply.Frames[1].Payload);
        Assert.False(tx.IsConnected);
        var after = tx.Handle(Write(DexcomUuids.Control, new GlucoseTx()), now);
        Assert.Empty(after.Frames);
        Assert.Equal("ignored: not connected", after.Note);
    }

    [Fact]
    public void Control_commands_before_authentication_are_ignored_with_a_note()
    {
        var tx = ConnectedTransmitter(T0, out var now);
        var reply = tx.Handle(Write(DexcomUuids.Control, new GlucoseTx()), now);
        Assert.Empty(reply.Frames);
        Assert.Equal("ignored: GlucoseTx before authentication", reply.Note);
    }

    [Fact]
    public void Backfill_over_a_45_minute_gap_returns_the_9_missing_readings_framed_per_BackfillStream()
    {
        var tx = Transmitter();
        // Readings every 5 minutes for 2 hours; the receiver last read the one at +30 min and reconnects at +80 min.
        for (var m = 0; m <= 120; m += 5)
            tx.Measure(new Reading("p1", T0.AddMinutes(m), 100 + m, Trend.Flat));
        var lastSeen = DexTime.At(Activated, T0.AddMinutes(30));
        var current = DexTime.At(Activated, T0.AddMinutes(80));
        var connected = AuthenticatedTransmitter(tx, T0.AddMinutes(80).AddSeconds(10), out var now);

        var reply = connected.Handle(Write(DexcomUuids.Control, new BackfillTx(5, 2, 0, lastSeen + 300, current - 300, 0, 0)), now);

        var frames = reply.Frames.Where(f => f.Characteristic == DexcomUuids.Backfill).Select(f => BackfillFrame.Decode(f.Payload)).ToList();
        var records = BackfillStream.Reassemble(frames).Records;
        Assert.Equal(9, records.Count);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => lastSeen + 300 + (uint)(300 * i)), records.Select(r => r.Timestamp));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (ushort)(135 + (5 * i))), records.Select(r => r.Glucose));
        Assert.All(records, r => Assert.Equal(6, r.State));

        var expectedRecords = records.Select(r => new BackfillRecord(r.Timestamp, r.Glucose, 0, 6, 0)).ToList();
        var expectedFrames = BackfillStream.Split(expectedRecords, 1, BackfillStream.StreamIdFor(0));
        Assert.Equal(expectedFrames.Select(f => Convert.ToHexString(f.Encode())), frames.Select(f => Convert.ToHexString(f.Encode())));
        var summary = reply.Frames[^1];
        Assert.Equal(DexcomUuids.Control, summary.Characteristic);
        Assert.Equal(BackfillStream.Summarize(expectedFrames, expectedRecords, 0).Encode(), summary.Payload);
        Assert.All(reply.Frames.SkipLast(1), f => Assert.Equal(DexcomUuids.Backfill, f.Characteristic)); // frames precede the 0x51
    }

    [Fact]
    public void Backfill_forgets_readings_older_than_24_hours_and_an_empty_range_has_no_frames()
    {
        var tx = Transmitter();
        tx.Measure(new Reading("p1", T0, 90, Trend.Flat));
        tx.Measure(new Reading("p1", T0.AddHours(25), 91, Trend.Flat));
        var connected = AuthenticatedTransmitter(tx, T0.AddHours(25).AddSeconds(5), out var now);

        var reply = connected.Handle(Write(DexcomUuids.Control, new BackfillTx(5, 2, 0, 0, DexTime.At(Activated, T0.AddHours(24)), 0, 0)), now);

        var only = Single(reply);
        var summary = BackfillRx.Decode(only.Payload);
        Assert.Equal((0u, 0u, 0u), (summary.StartTime, summary.EndTime, summary.BufferLength));
    }

    [Fact]
    public void A_reading_is_not_served_before_its_sensor_time()
    {
        var tx = Transmitter();
        tx.Measure(new Reading("p1", T0, 100, Trend.Flat));
        tx.Measure(new Reading("p1", T0.AddMinutes(5), 200, Trend.Flat)); // handed over early
        var connected = AuthenticatedTransmitter(tx, T0.AddMinutes(1), out var now);

        var glucose = GlucoseRx.Decode(Single(connected.Handle(Write(DexcomUuids.Control, new GlucoseTx()), now)).Payload);

        Assert.Equal(100, glucose.Glucose);
    }

    [Fact]
    public void With_no_reading_yet_GlucoseRx_reports_warm_up_and_glucose_0()
    {
        var connected = AuthenticatedTransmitter(Transmitter(), T0, out var now);
        var glucose = GlucoseRx.Decode(Single(connected.Handle(Write(DexcomUuids.Control, new GlucoseTx()), now)).Payload);
        Assert.Equal((0, 2, (sbyte)127), (glucose.Glucose, glucose.State, glucose.Trend));
    }

    [Fact]
    public void A_value_on_a_characteristic_without_a_CCCD_is_not_sent_but_is_readable()
    {
        var tx = Transmitter();
        var now = T0;
        tx.OpenWindow(now);
        tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), now);

        var reply = tx.Handle(Write(DexcomUuids.Authentication, new AuthRequestTx(Token, 2)), now);
        Assert.Empty(reply.Frames);
        Assert.Equal("not sent (no CCCD subscription): AuthChallengeRx", reply.Note);

        var read = Single(tx.Handle(C2p(BleFrameEvent.ReadRequest, DexcomUuids.Authentication, []), now));
        Assert.Equal(BleFrameEvent.ReadResponse, read.Event);
        Assert.Equal(AuthChallengeRx.Type, AuthChallengeRx.Decode(read.Payload).MessageType);
    }

    [Fact]
    public void Connect_outside_a_window_or_twice_in_one_window_is_refused_as_asleep()
    {
        var tx = Transmitter();
        var refused = Single(tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), T0));
        Assert.Equal((BleFrameEvent.Disconnect, (byte)DisconnectReason.NotConnectable), (refused.Event, refused.Payload[0]));

        tx.OpenWindow(T0);
        tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), T0);
        tx.Handle(C2p(BleFrameEvent.Disconnect, Guid.Empty, []), T0);
        Assert.Equal(BleFrameEvent.Disconnect, Single(tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), T0)).Event);

        var closed = tx.CloseWindow(T0.AddSeconds(15));
        Assert.Empty(closed.Frames);
        Assert.True(tx.ConnectedThisWindow);
    }

    [Fact]
    public void Window_end_disconnects_a_connected_receiver_with_reason_0x08()
    {
        var tx = ConnectedTransmitter(T0, out _);
        var closed = tx.CloseWindow(T0.AddSeconds(15));
        Assert.Equal([(byte)DisconnectReason.WindowEnded], Assert.Single(closed.Frames).Payload);
        Assert.False(tx.IsConnected);
    }

    [Fact]
    public void G7_answers_an_EGV_request_with_the_reading_and_its_age()
    {
        var tx = new VirtualTransmitter(Link, Id, TransmitterGeneration.G7, Activated, seed: 1);
        tx.Measure(new Reading("p1", T0, 150, Trend.SingleDown));
        var connected = AuthenticatedTransmitter(tx, T0.AddSeconds(6), out var now);

        var egv = G7Egv.Decode(Single(connected.Handle(Write(DexcomUuids.Control, new G7EgvTx()), now)).Payload);

        Assert.Equal(259_206u, egv.Timestamp);
        Assert.Equal(6, egv.Age);
        Assert.Equal(259_200u, egv.GlucoseTimestamp);
        Assert.Equal((ushort?)150, egv.Glucose);
        Assert.Equal((sbyte)-25, egv.Trend);
    }

    [Fact]
    public void G7_backfill_sends_one_9_byte_record_per_reading_then_the_summary()
    {
        var tx = new VirtualTransmitter(Link, Id, TransmitterGeneration.G7, Activated, seed: 1);
        for (var m = 0; m <= 20; m += 5)
            tx.Measure(new Reading("p1", T0.AddMinutes(m), 100 + m, Trend.Flat));
        var connected = AuthenticatedTransmitter(tx, T0.AddMinutes(21), out var now);

        var reply = connected.Handle(Write(DexcomUuids.Control, new G7BackfillTx(DexTime.At(Activated, T0.AddMinutes(5)), DexTime.At(Activated, T0.AddMinutes(15)))), now);

        var records = reply.Frames.SkipLast(1).Select(f => G7BackfillRecord.Decode(f.Payload)).ToList();
        Assert.Equal([(ushort?)105, 110, 115], records.Select(r => r.Glucose));
        var summary = G7Backfill.Decode(reply.Frames[^1].Payload);
        Assert.Equal((27u, records[0].Timestamp, records[^1].Timestamp), (summary.BufferLength, summary.FirstTimestamp, summary.LastTimestamp));
    }

    private static VirtualTransmitter Transmitter() => new(Link, Id, TransmitterGeneration.G6, Activated, seed: 7);

    private static VirtualTransmitter ConnectedTransmitter(DateTimeOffset at, out DateTimeOffset now)
    {
        var tx = Transmitter();
        now = at;
        tx.OpenWindow(now);
        tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), now);
        SubscribeAll(tx, now);
        return tx;
    }

    private static VirtualTransmitter AuthenticatedTransmitter(VirtualTransmitter tx, DateTimeOffset at, out DateTimeOffset now)
    {
        now = at;
        tx.OpenWindow(now);
        tx.Handle(C2p(BleFrameEvent.Connect, Guid.Empty, []), now);
        SubscribeAll(tx, now);
        var challenge = AuthChallengeRx.Decode(Single(tx.Handle(Write(DexcomUuids.Authentication, new AuthRequestTx(Token, 2)), now)).Payload);
        Single(tx.Handle(Write(DexcomUuids.Authentication, new AuthChallengeTx(DexcomAuthHash.Compute(Id, challenge.Challenge))), now));
        Assert.True(tx.IsAuthenticated);
        return tx;
    }

    private static void SubscribeAll(VirtualTransmitter tx, DateTimeOffset now)
    {
        Assert.Empty(tx.Handle(C2p(BleFrameEvent.CccdChange, DexcomUuids.Authentication, [0x02, 0x00]), now).Frames);
        Assert.Empty(tx.Handle(C2p(BleFrameEvent.CccdChange, DexcomUuids.Control, [0x01, 0x00]), now).Frames);
        Assert.Empty(tx.Handle(C2p(BleFrameEvent.CccdChange, DexcomUuids.Backfill, [0x01, 0x00]), now).Frames);
    }

    private static BleFrame Single(TransmitterReply reply)
    {
        Assert.True(reply.Frames.Count == 1, $"expected one frame, got {reply.Frames.Count} (note: {reply.Note})");
        return reply.Frames[0];
    }

    private static BleFrame Write(Guid characteristic, Simulator.Ble.Messages.IBleMessage message) =>
        C2p(BleFrameEvent.WriteRequest, characteristic, message.Encode());

    private static BleFrame C2p(BleFrameEvent ev, Guid characteristic, byte[] payload) =>
        new(ev, BleFrameDirection.CentralToPeripheral, BleFrameFlags.None, 0, Link, characteristic == Guid.Empty ? Guid.Empty : DexcomUuids.CgmService, characteristic, payload);
}
