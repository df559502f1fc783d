using System.Text;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G7;
using Simulator.Ble.Framing;
using Simulator.Ble.Messages;
using Simulator.Glucose;

namespace Simulator.Ble.Radio;

/// <summary>
/// One patient's Dexcom transmitter as a pure state machine: c2p frame + now → p2c frames (docs/ble-link.md,
/// "A connection window"; spec §1.3–1.6, §2.4–2.5). No I/O, no clock of its own, no radio: the link server opens
/// and closes windows on the run's clock and applies the <see cref="RadioPlan"/> to what this returns.
/// Not thread-safe; the server serialises calls per link.
/// </summary>
public sealed class VirtualTransmitter
{
    private readonly Random _challenges;
    private readonly Dictionary<Guid, BleFrameEvent> _subscriptions = [];
    private readonly Dictionary<Guid, byte[]> _lastValues = [];
    private byte[]? _challenge;
    private bool _windowUsed;
    private uint _backfillRequests;

    /// <param name="linkId">The link id frames carry (one per patient, from 1).</param>
    /// <param name="transmitterId">6 ASCII characters; the auth key derives from it (spec §1.3).</param>
    /// <param name="generation">G6 answers 0x24/0x30/0x4E/0x50; G7 answers 0x4E/0x59 (spec §2.4–2.5).</param>
    /// <param name="activatedAt">Dex time 0: transmitter activation (G6) or sensor start (G7).</param>
    /// <param name="seed">Seeds the auth challenges, so a run's bytes replay exactly.</param>
    /// <param name="sessionStartedAt">The sensor session start TransmitterTimeRx reports; null = <paramref name="activatedAt"/>.</param>
    public VirtualTransmitter(ushort linkId, string transmitterId, TransmitterGeneration generation, DateTimeOffset activatedAt, int seed, DateTimeOffset? sessionStartedAt = null)
    {
        DexcomAuthHash.KeyFor(transmitterId); // validates the id: 6 ASCII characters
        LinkId = linkId;
        TransmitterId = transmitterId;
        Generation = generation;
        Memory = new ReadingMemory(activatedAt);
        SessionStartedAt = sessionStartedAt ?? activatedAt;
        _challenges = new Random(seed);
    }

    public ushort LinkId { get; }

    public string TransmitterId { get; }

    public TransmitterGeneration Generation { get; }

    public DateTimeOffset ActivatedAt => Memory.ActivatedAt;

    public DateTimeOffset SessionStartedAt { get; }

    public ReadingMemory Memory { get; }

    /// <summary>Awake and advertising: between <see cref="OpenWindow"/> and <see cref="CloseWindow"/>.</summary>
    public bool IsWindowOpen { get; private set; }

    public bool IsConnected { get; private set; }

    public bool IsAuthenticated { get; private set; }

    /// <summary>Whether a receiver connected in the current (or last) window.</summary>
    public bool ConnectedThisWindow { get; private set; }

    /// <summary>The sensor measured a reading; it becomes visible once the clock reaches its SensorTime.</summary>
    public StoredReading Measure(Reading reading) => Memory.Add(reading);

    /// <summary>Wakes up: returns the advertisement (service FEBC, payload the id in ASCII).</summary>
    public BleFrame OpenWindow(DateTimeOffset now)
    {
        IsWindowOpen = true;
        _windowUsed = false;
        ConnectedThisWindow = false;
        return Frame(BleFrameEvent.Advertisement, now, DexcomUuids.AdvertisedService, Guid.Empty, Encoding.ASCII.GetBytes(TransmitterId));
    }

    /// <summary>Goes back to sleep; a connected receiver gets a disconnect (reason 0x08).</summary>
    public TransmitterReply CloseWindow(DateTimeOffset now)
    {
        IsWindowOpen = false;
        return IsConnected ? Disconnect(now, DisconnectReason.WindowEnded, null) : TransmitterReply.Nothing();
    }

    /// <summary>The receiver's transport went away mid-connection: the link is down, nobody to tell.</summary>
    public void ConnectionLost()
    {
        if (IsConnected)
            EndConnection();
    }

    /// <summary>Answers one c2p frame.</summary>
    public TransmitterReply Handle(BleFrame frame, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Direction != BleFrameDirection.CentralToPeripheral)
            return TransmitterReply.Nothing("ignored: a transmitter only takes c2p frames");
        if (frame.Event == BleFrameEvent.Connect)
            return Connect(now);
        if (!IsConnected)
            return TransmitterReply.Nothing("ignored: not connected");
        return frame.Event switch
        {
            BleFrameEvent.Disconnect => Disconnect(now, DisconnectReason.RemoteUserTerminated, null),
            BleFrameEvent.CccdChange => Subscribe(frame),
            BleFrameEvent.ReadRequest => new TransmitterReply([Frame(BleFrameEvent.ReadResponse, now, DexcomUuids.CgmService, frame.Characteristic, _lastValues.GetValueOrDefault(frame.Characteristic, []))]),
            BleFrameEvent.WriteRequest or BleFrameEvent.WriteCommand => Write(frame, now),
            _ => TransmitterReply.Nothing($"ignored: a receiver does not send {frame.Event} frames"),
        };
    }

    private TransmitterReply Connect(DateTimeOffset now)
    {
        if (IsConnected)
            return new TransmitterReply([Frame(BleFrameEvent.Connect, now, Guid.Empty, Guid.Empty, [])], "already connected");
        if (!IsWindowOpen || _windowUsed)
            return new TransmitterReply([Frame(BleFrameEvent.Disconnect, now, Guid.Empty, Guid.Empty, [(byte)DisconnectReason.NotConnectable])], "refused: the transmitter is asleep (no open wake window)");
        IsConnected = true;
        ConnectedThisWindow = true;
        _windowUsed = true;
        IsAuthenticated = false;
        _challenge = null;
        _subscriptions.Clear();
        _lastValues.Clear();
        return new TransmitterReply([Frame(BleFrameEvent.Connect, now, Guid.Empty, Guid.Empty, [])]);
    }

    /// <summary>CCCD payload 01 00 = notify, 02 00 = indicate, 00 00 = off (Bluetooth Core CCCD bits).</summary>
    private TransmitterReply Subscribe(BleFrame frame)
    {
        if (ChannelOf(frame.Characteristic) is null)
            return TransmitterReply.Nothing($"ignored: no CCCD on characteristic {frame.Characteristic}");
        var bits = frame.Payload.Length == 2 ? frame.Payload[0] | (frame.Payload[1] << 8) : -1;
        switch (bits)
        {
            case 0: _subscriptions.Remove(frame.Characteristic); break;
            case 1: _subscriptions[frame.Characteristic] = BleFrameEvent.Notify; break;
            case 2: _subscriptions[frame.Characteristic] = BleFrameEvent.Indicate; break;
            default: return TransmitterReply.Nothing($"ignored: CCCD value {Convert.ToHexStringLower(frame.Payload)} is not 0000, 0100 or 0200");
        }
        return TransmitterReply.Nothing();
    }

    private TransmitterReply Write(BleFrame frame, DateTimeOffset now)
    {
        var channel = ChannelOf(frame.Characteristic);
        if (channel is not (BleChannel.Authentication or BleChannel.Control))
            return TransmitterReply.Nothing($"ignored: characteristic {frame.Characteristic} is not writable (write Authentication or Control)");
        IBleMessage message;
        try
        {
            message = BleMessages.Decode(frame.Payload, Generation, channel.Value);
        }
        catch (BlePacketException e)
        {
            return TransmitterReply.Nothing($"ignored: not a {Generation} {channel} message: {e.Message}");
        }

        _lastValues[frame.Characteristic] = frame.Payload;
        var responses = new Responses(this, now);
        switch (message)
        {
            case AuthRequestTx r: return Challenge(r.Token, now);
            case AuthRequest2Tx r: return Challenge(r.Token, now);
            case AuthChallengeTx r: return CheckChallenge(r, now);
            case KeepAliveTx or BondRequestTx: return TransmitterReply.Nothing(); // already bonded: nothing to answer
            case DisconnectTx: return Disconnect(now, DisconnectReason.RemoteUserTerminated, null);
        }

        if (!IsAuthenticated)
            return TransmitterReply.Nothing($"ignored: {message.MessageType.Name} before authentication");
        switch (message)
        {
            case TransmitterTimeTx: responses.Control(G6Responses.Time(Memory, SessionStartedAt, now)); break;
            case GlucoseTx: responses.Control(G6Responses.Glucose(Memory, now)); break;
            case EgvTx: responses.Control(G6Responses.Egv(Memory, now)); break;
            case BackfillTx r:
                var (frames, summary) = G6Responses.Backfill(Memory, r, ++_backfillRequests, now);
                foreach (var f in frames)
                    responses.Backfill(f);
                responses.Control(summary);
                break;
            case G7EgvTx: responses.Control(G7Responses.Egv(Memory, now)); break;
            case G7BackfillTx r:
                var (records, g7Summary) = G7Responses.Backfill(Memory, r, now);
                foreach (var record in records)
                    responses.Backfill(record);
                responses.Control(g7Summary);
                break;
            default: return TransmitterReply.Nothing($"unsupported: the harness does not answer {message.MessageType.Name}");
        }
        return responses.Reply();
    }

    private TransmitterReply Challenge(byte[] token, DateTimeOffset now)
    {
        IsAuthenticated = false;
        _challenge = new byte[DexcomAuthHash.HashLength];
        _challenges.NextBytes(_challenge);
        var responses = new Responses(this, now);
        responses.Authentication(new AuthChallengeRx(DexcomAuthHash.Compute(TransmitterId, token), _challenge));
        return responses.Reply();
    }

    /// <summary>Right hash → 05 01 01. Wrong hash → 05 00 00, then disconnect 0x05 (docs/ble-link.md step 4).</summary>
    private TransmitterReply CheckChallenge(AuthChallengeTx answer, DateTimeOffset now)
    {
        if (_challenge is null)
            return TransmitterReply.Nothing("ignored: AuthChallengeTx before AuthRequestTx");
        var responses = new Responses(this, now);
        if (DexcomAuthHash.Compute(TransmitterId, _challenge).AsSpan().SequenceEqual(answer.ChallengeHash))
        {
            IsAuthenticated = true;
            responses.Authentication(new AuthStatusRx(1, 1));
            return responses.Reply();
        }

        responses.Authentication(new AuthStatusRx(0, 0));
        var sent = responses.Reply();
        var down = Disconnect(now, DisconnectReason.AuthenticationFailure, "authentication failed: wrong challenge hash");
        return new TransmitterReply([.. sent.Frames, .. down.Frames], JoinNotes(sent.Note, down.Note));
    }

    private TransmitterReply Disconnect(DateTimeOffset now, DisconnectReason reason, string? note)
    {
        EndConnection();
        return new TransmitterReply([Frame(BleFrameEvent.Disconnect, now, Guid.Empty, Guid.Empty, [(byte)reason])], note);
    }

    private void EndConnection()
    {
        IsConnected = false;
        IsAuthenticated = false;
        _challenge = null;
        _subscriptions.Clear();
    }

    private static BleChannel? ChannelOf(Guid characteristic) =>
        characteristic == DexcomUuids.Authentication ? BleChannel.Authentication
        : characteristic == DexcomUuids.Control ? BleChannel.Control
        : characteristic == DexcomUuids.Backfill ? BleChannel.Backfill
        : null;

    private static string? JoinNotes(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private BleFrame Frame(BleFrameEvent ev, DateTimeOffset now, Guid service, Guid characteristic, byte[] payload) =>
        new(ev, BleFrameDirection.PeripheralToCentral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(now), LinkId, service, characteristic, payload);

    /// <summary>
    /// Collects responses. A value goes out as a notification or indication only if the receiver enabled that
    /// characteristic's CCCD — as a real peripheral; otherwise it is only readable (read-request) and noted.
    /// </summary>
    private sealed class Responses(VirtualTransmitter transmitter, DateTimeOffset now)
    {
        private readonly List<BleFrame> _frames = [];
        private readonly List<string> _unsent = [];

        public void Authentication(IBleMessage message) => Add(DexcomUuids.Authentication, message);

        public void Control(IBleMessage message) => Add(DexcomUuids.Control, message);

        public void Backfill(IBleMessage message) => Add(DexcomUuids.Backfill, message);

        public TransmitterReply Reply() => new(_frames, _unsent.Count == 0 ? null : $"not sent (no CCCD subscription): {string.Join(", ", _unsent.Distinct())}");

        private void Add(Guid characteristic, IBleMessage message)
        {
            var payload = message.Encode();
            transmitter._lastValues[characteristic] = payload;
            if (transmitter._subscriptions.TryGetValue(characteristic, out var ev))
                _frames.Add(transmitter.Frame(ev, now, DexcomUuids.CgmService, characteristic, payload));
            else
                _unsent.Add(message.MessageType.Name);
        }
    }
}
