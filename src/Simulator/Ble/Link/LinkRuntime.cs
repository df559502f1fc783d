using Simulator.Ble.Framing;
using Simulator.Ble.Radio;
using Simulator.Glucose;
using Simulator.Journal;

namespace Simulator.Ble.Link;

/// <summary>
/// One link of the server: a <see cref="VirtualTransmitter"/>, its radio, and which receiver holds its connection.
/// Everything for the link happens under one lock, so frames are handled, journaled and queued in a single order.
/// Advertisements go to every receiver; once a receiver connects, the link's GATT traffic goes to that receiver only
/// (a G6 has one connection; spec §4 "competing receivers").
/// </summary>
internal sealed class LinkRuntime
{
    private readonly Lock _gate = new();
    private readonly RunJournal _journal;
    private readonly Func<IEnumerable<ReceiverConnection>> _receivers;
    private ReceiverConnection? _owner;
    private long _window = -1;
    private int _notificationsInWindow;

    public LinkRuntime(BleLinkSpec spec, DateTimeOffset origin, RunJournal journal, Func<IEnumerable<ReceiverConnection>> receivers)
    {
        Spec = spec;
        Schedule = new WakeSchedule(origin, spec.Phase, spec.Window);
        Transmitter = new VirtualTransmitter(spec.LinkId, spec.TransmitterId, spec.Generation, spec.ActivatedAt, spec.ChallengeSeed, spec.SessionStartedAt);
        _journal = journal;
        _receivers = receivers;
    }

    public BleLinkSpec Spec { get; }

    public WakeSchedule Schedule { get; }

    public VirtualTransmitter Transmitter { get; }

    public void Measure(Reading reading)
    {
        lock (_gate)
            Transmitter.Measure(reading);
    }

    /// <summary>Window k opens: unless the radio suppresses it, every receiver gets the advertisement.</summary>
    public void OpenWindow(long window, DateTimeOffset now)
    {
        lock (_gate)
        {
            _window = window;
            _notificationsInWindow = 0;
            if (Spec.Radio.Suppresses(window, Schedule.Opens(window)) is { } outcome)
            {
                JournalWindow(window, outcome, now);
                return;
            }

            var advertisement = Transmitter.OpenWindow(now);
            _journal.Append(FrameSummary.Describe(advertisement, now, Spec.Generation, receiver: null));
            foreach (var receiver in _receivers())
                receiver.Send(advertisement);
        }
    }

    /// <summary>Window k closes: a connected receiver is disconnected; the outcome is journaled.</summary>
    public void CloseWindow(long window, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!Transmitter.IsWindowOpen)
                return; // suppressed: already journaled when it should have opened
            var reply = Transmitter.CloseWindow(now);
            if (_owner is { } owner)
                Deliver(reply, owner, now);
            _owner = null;
            JournalWindow(window, Transmitter.ConnectedThisWindow ? WindowOutcome.Connected : WindowOutcome.NotConnectedByReceiver, now);
        }
    }

    /// <summary>A c2p frame for this link from <paramref name="from"/>.</summary>
    public void Handle(ReceiverConnection from, BleFrame frame, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Transmitter.IsConnected && _owner is { } owner && owner != from)
            {
                if (frame.Event == BleFrameEvent.Connect)
                {
                    var refusal = new BleFrame(BleFrameEvent.Disconnect, BleFrameDirection.PeripheralToCentral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(now), Spec.LinkId, Guid.Empty, Guid.Empty, [(byte)DisconnectReason.ConnectionLimitExceeded]);
                    _journal.Append(FrameSummary.Describe(frame, now, Spec.Generation, from.Id, note: $"refused: receiver {owner.Id} holds the transmitter's only connection"));
                    Deliver(new TransmitterReply([refusal]), from, now);
                }
                else
                {
                    _journal.Append(FrameSummary.Describe(frame, now, Spec.Generation, from.Id, note: $"ignored: receiver {owner.Id} holds this link's connection"));
                }

                return;
            }

            var reply = Transmitter.Handle(frame, now);
            _journal.Append(FrameSummary.Describe(frame, now, Spec.Generation, from.Id, note: reply.Note));
            if (frame.Event == BleFrameEvent.Connect && Transmitter.IsConnected)
                _owner = from;
            Deliver(reply, from, now);
            if (!Transmitter.IsConnected)
                _owner = null;
        }
    }

    /// <summary>The receiver's transport closed: if it held the connection, the link is down.</summary>
    public void ReceiverGone(ReceiverConnection receiver)
    {
        lock (_gate)
        {
            if (_owner != receiver)
                return;
            Transmitter.ConnectionLost();
            _owner = null;
        }
    }

    /// <summary>
    /// Sends a reply through the radio: the n-th notification/indication of the window is lost when the plan says so
    /// or the phone is out of range at that instant; connection events always arrive.
    /// </summary>
    private void Deliver(TransmitterReply reply, ReceiverConnection to, DateTimeOffset now)
    {
        foreach (var frame in reply.Frames)
        {
            var dropped = false;
            if (frame.Event is BleFrameEvent.Notify or BleFrameEvent.Indicate)
                dropped = Spec.Radio.IsOutOfRange(now) || Spec.Radio.IsFrameDropped(_window, _notificationsInWindow++);
            _journal.Append(FrameSummary.Describe(frame, now, Spec.Generation, to.Id, dropped));
            if (!dropped)
                to.Send(frame);
        }
    }

    private void JournalWindow(long window, WindowOutcome outcome, DateTimeOffset now) => _journal.Append(new BleWindowClosed
    {
        At = now,
        Link = Spec.LinkId,
        Patient = Spec.Patient,
        Window = window,
        OpenedAt = Schedule.Opens(window),
        Outcome = outcome.ToJournalName(),
    });
}
