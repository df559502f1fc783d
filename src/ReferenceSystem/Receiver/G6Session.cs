using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ReferenceSystem.Clock;
using ReferenceSystem.Readings;
using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;
using Simulator.Ble.Framing;
using Simulator.Ble.Messages;

namespace ReferenceSystem.Receiver;

/// <summary>
/// The phone side of one G6 transmitter (docs/ble-link.md, "A connection window"; spec ble-packets.md §1.6). On an
/// advertisement carrying its transmitter id: connect → enable Authentication/Control (indicate) and Backfill
/// (notify) → AuthRequestTx with 8 random bytes, check the transmitter's hash of them, answer the challenge →
/// TransmitterTimeTx → GlucoseTx → BackfillTx when <see cref="BackfillPlanner"/> finds a gap → DisconnectTx.
/// <para>
/// Every step that expects an answer waits at most <see cref="StepTimeout"/> (3 virtual seconds, but never less than
/// 250 ms of real time so loopback latency at high clock speeds is not mistaken for loss), then writes the request
/// again, until the transmitter disconnects (end of window) or <see cref="WindowGuard"/> passes. Frames arrive through
/// this session's own queue, so a slow window never holds up another transmitter.
/// </para>
/// </summary>
internal sealed class G6Session(
    TransmitterTrack track,
    Func<BleFrame, CancellationToken, Task<bool>> send,
    TimeProvider clock,
    ILogger logger)
{
    public static readonly TimeSpan StepTimeoutVirtual = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan StepTimeoutRealFloor = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan WindowGuardVirtual = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan WindowGuardRealFloor = TimeSpan.FromSeconds(3);

    /// <summary>Glucose below 39 mg/dL is not a reading: 0 means none yet (warm-up, sensor error), 1–38 are codes.</summary>
    public const int MinimumGlucose = 39;

    /// <summary>Backfill attempts per window when the stream arrives damaged (lost frames, bad CRC).</summary>
    public const int BackfillAttempts = 3;

    private static readonly byte[] EnableNotify = [0x01, 0x00];
    private static readonly byte[] EnableIndicate = [0x02, 0x00];

    private readonly Channel<BleFrame> _inbox = Channel.CreateUnbounded<BleFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _transmitterId = track.Settings.TransmitterId;
    private readonly ushort _linkId = track.Settings.LinkId;

    public TimeSpan StepTimeout { get; } = WithRealFloor(clock, StepTimeoutVirtual, StepTimeoutRealFloor);

    public TimeSpan WindowGuard { get; } = WithRealFloor(clock, WindowGuardVirtual, WindowGuardRealFloor);

    /// <summary>A frame from the transmitter (called by the link's read loop; never blocks).</summary>
    public void Post(BleFrame frame) => _inbox.Writer.TryWrite(frame);

    /// <summary>The link dropped: whatever window is open is over.</summary>
    public void LinkLost() => Post(new BleFrame(BleFrameEvent.Disconnect, BleFrameDirection.PeripheralToCentral, BleFrameFlags.Synthetic,
        BleFrame.ToUnixMicroseconds(clock.GetUtcNow()), _linkId, Guid.Empty, Guid.Empty, []));

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var frame = await _inbox.Reader.ReadAsync(ct);
                if (frame.Event != BleFrameEvent.Advertisement || !IsMine(frame))
                    continue; // leftovers of an earlier window, or another transmitter's advertisement
                // Windows queued up while this one ran are stale; only the newest advertisement is worth answering.
                while (_inbox.Reader.TryPeek(out var next) && !(next.Event == BleFrameEvent.Advertisement && IsMine(next)))
                    _inbox.Reader.TryRead(out _);
                if (_inbox.Reader.TryPeek(out _))
                    continue;
                await RunWindowAsync(frame, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    private bool IsMine(BleFrame advertisement) =>
        advertisement.Direction == BleFrameDirection.PeripheralToCentral
        && Encoding.ASCII.GetString(advertisement.Payload).Trim('\0', ' ') == _transmitterId;

    private async Task RunWindowAsync(BleFrame advertisement, CancellationToken ct)
    {
        track.WindowStarted();
        using var guard = new CancellationTokenSource(WindowGuard, clock);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct, guard.Token);
        var completed = false;
        string? error = null;
        try
        {
            await ConnectAndAuthenticateAsync(window.Token);
            var (time, timeFrame) = await ExchangeAsync(Write(DexcomUuids.Control, new TransmitterTimeTx()),
                f => Answer<TransmitterTimeRx>(f, DexcomUuids.Control), window.Token);
            var map = track.Calibrate(
                TransmitterClockMap.From(timeFrame.UnixMicroseconds > 0 ? timeFrame.Timestamp : clock.GetUtcNow(), time.CurrentTime));

            var (glucose, _) = await ExchangeAsync(Write(DexcomUuids.Control, new GlucoseTx()),
                f => Answer<GlucoseRx>(f, DexcomUuids.Control), window.Token);
            if (glucose.Glucose >= MinimumGlucose)
                track.AcceptLive(Reading(map.ToWall(glucose.Timestamp), glucose.Glucose, glucose.Trend));

            var windowTime = clock.GetUtcNow();
            if (BackfillPlanner.Plan(track.KnownSensorTimes(), track.StartedAt, windowTime, track.BackfilledThrough) is { } span)
                await BackfillAsync(span, map, time, windowTime, window.Token);

            await send(Write(DexcomUuids.Control, new DisconnectTx()), window.Token);
            completed = true;
        }
        catch (WindowOverException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "window guard passed without the transmitter disconnecting";
        }
        finally
        {
            track.WindowEnded(completed, error);
        }
        if (error is not null && logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("receiver: window of {Transmitter} ended early: {Error}", _transmitterId, error);
    }

    private async Task ConnectAndAuthenticateAsync(CancellationToken window)
    {
        await ExchangeAsync(Frame(BleFrameEvent.Connect, Guid.Empty, Guid.Empty, []),
            f => f.Event == BleFrameEvent.Connect ? f : null, window);

        // G6 mode: indications on Authentication and Control (xDrip in G6 mode), notifications on Backfill.
        await send(Frame(BleFrameEvent.CccdChange, DexcomUuids.CgmService, DexcomUuids.Authentication, EnableIndicate), window);
        await send(Frame(BleFrameEvent.CccdChange, DexcomUuids.CgmService, DexcomUuids.Control, EnableIndicate), window);
        await send(Frame(BleFrameEvent.CccdChange, DexcomUuids.CgmService, DexcomUuids.Backfill, EnableNotify), window);

        var token = RandomNumberGenerator.GetBytes(8);
        var (challenge, _) = await ExchangeAsync(Write(DexcomUuids.Authentication, new AuthRequestTx(token, 0x02)),
            f => Answer<AuthChallengeRx>(f, DexcomUuids.Authentication), window);
        if (!CryptographicOperations.FixedTimeEquals(challenge.TokenHash, DexcomAuthHash.Compute(_transmitterId, token)))
        {
            // Not our transmitter (or not a real one): do not answer its challenge.
            track.AuthFailed();
            await send(Write(DexcomUuids.Control, new DisconnectTx()), window);
            throw new WindowOverException("the transmitter's token hash is wrong");
        }

        var (status, _) = await ExchangeAsync(
            Write(DexcomUuids.Authentication, new AuthChallengeTx(DexcomAuthHash.Compute(_transmitterId, challenge.Challenge))),
            f => Answer<AuthStatusRx>(f, DexcomUuids.Authentication), window);
        if (status.Authenticated != 1)
        {
            track.AuthFailed();
            throw new WindowOverException("the transmitter refused authentication");
        }
        // The harness does not model OS bonding, so "not bonded" (0x02) is not followed by KeepAlive + BondRequest.
    }

    /// <summary>
    /// BackfillTx for the span, collect the Backfill notifications, and accept them when the closing BackfillRx agrees
    /// (buffer length and CRC over the whole frames, as CGMBLEKit checks). A damaged stream is asked for again.
    /// </summary>
    private async Task BackfillAsync(BackfillSpan span, TransmitterClockMap map, TransmitterTimeRx time, DateTimeOffset windowTime, CancellationToken window)
    {
        var start = map.ToTransmitter(span.Start);
        if (time.HasSession && start < time.SessionStartTime)
            start = time.SessionStartTime;
        var end = Math.Max(start, map.ToTransmitter(span.End));
        var request = Write(DexcomUuids.Control, new BackfillTx(0x05, 0x02, 0x00, start, end, 0, 0));

        for (var attempt = 1; attempt <= BackfillAttempts; attempt++)
        {
            var frames = new List<BackfillFrame>();
            track.BackfillRequested();
            var (summary, _) = await ExchangeAsync(request, f =>
            {
                if (f.Characteristic == DexcomUuids.Backfill && IsValue(f))
                {
                    try
                    {
                        var frame = BackfillFrame.Decode(f.Payload);
                        if (frame.FrameIndex == 1)
                            frames.Clear(); // a new stream (the answer to a repeated request) starts over
                        frames.Add(frame);
                    }
                    catch (BlePacketException)
                    {
                    }
                    return null;
                }
                return Answer<BackfillRx>(f, DexcomUuids.Control);
            }, window);

            if (Accept(summary, frames, start, end, map, windowTime))
                return;
        }
        throw new WindowOverException("the backfill stream stayed damaged");
    }

    private bool Accept(BackfillRx summary, List<BackfillFrame> frames, uint start, uint end, TransmitterClockMap map, DateTimeOffset windowTime)
    {
        if (summary.Status != 0 && summary.Status != 0x81)
            return false;
        if (frames.Count == 0)
        {
            // Nothing held for the span: an empty answer is still an answer.
            if (summary.BufferLength != 0)
                return false;
            track.AcceptBackfill([], windowTime);
            return true;
        }
        if (summary.BufferLength != BackfillStream.BufferLength(frames) || summary.BufferCrc != BackfillStream.BufferCrc(frames))
            return false;
        BackfillStreamContents contents;
        try
        {
            contents = BackfillStream.Reassemble(frames);
        }
        catch (BlePacketException)
        {
            return false;
        }
        var readings = contents.Records
            .Where(r => r.Timestamp >= start && r.Timestamp <= end && r.Glucose >= MinimumGlucose)
            .Select(r => Reading(map.ToWall(r.Timestamp), r.Glucose, r.Trend));
        track.AcceptBackfill(readings, windowTime);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="request"/> and waits for the frame <paramref name="match"/> accepts; writes it again
    /// after every <see cref="StepTimeout"/> without one. A disconnect from the transmitter ends the window.
    /// </summary>
    private async Task<(T Answer, BleFrame Frame)> ExchangeAsync<T>(BleFrame request, Func<BleFrame, T?> match, CancellationToken window)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
                track.StepRetried();
            if (!await send(request with { UnixMicroseconds = BleFrame.ToUnixMicroseconds(clock.GetUtcNow()) }, window))
                throw new WindowOverException("the BLE link is down");
            using var step = new CancellationTokenSource(StepTimeout, clock);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(window, step.Token);
            try
            {
                while (true)
                {
                    var frame = await _inbox.Reader.ReadAsync(wait.Token);
                    if (frame.Event == BleFrameEvent.Disconnect)
                        throw new WindowOverException(frame.Flags.HasFlag(BleFrameFlags.Synthetic)
                            ? "the BLE link dropped"
                            : "the transmitter disconnected (end of window)");
                    if (match(frame) is { } answer)
                        return (answer, frame);
                }
            }
            catch (OperationCanceledException) when (step.IsCancellationRequested && !window.IsCancellationRequested)
            {
                // No answer in time (packet loss): write the request again while the window lasts.
            }
        }
    }

    private static bool IsValue(BleFrame frame) =>
        frame.Direction == BleFrameDirection.PeripheralToCentral && frame.Event is BleFrameEvent.Notify or BleFrameEvent.Indicate;

    /// <summary>The frame decoded as <typeparamref name="T"/> when it is a value on that characteristic; a damaged one counts as lost.</summary>
    private static T? Answer<T>(BleFrame frame, Guid characteristic) where T : class, IBleMessage
    {
        if (!IsValue(frame) || frame.Characteristic != characteristic || frame.Payload.Length == 0)
            return null;
        try
        {
            return BleMessages.Decode(frame.Payload, TransmitterGeneration.G6) as T;
        }
        catch (BlePacketException)
        {
            return null;
        }
    }

    private static GlucoseReading Reading(DateTimeOffset sensorTime, int mgdl, sbyte trend) =>
        new(sensorTime, mgdl, TransmitterTrack.Source, G6Trend.Direction(trend));

    private BleFrame Write(Guid characteristic, IBleMessage message) =>
        Frame(BleFrameEvent.WriteRequest, DexcomUuids.CgmService, characteristic, message.Encode());

    private BleFrame Frame(BleFrameEvent ev, Guid service, Guid characteristic, byte[] payload) =>
        new(ev, BleFrameDirection.CentralToPeripheral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(clock.GetUtcNow()),
            _linkId, service, characteristic, payload);

    private static TimeSpan WithRealFloor(TimeProvider clock, TimeSpan @virtual, TimeSpan realFloor) =>
        clock is HarnessClock harness && harness.ToReal(@virtual) < realFloor ? harness.ToVirtual(realFloor) : @virtual;

    private sealed class WindowOverException(string message) : Exception(message);
}
