using Scenarios.Model;

namespace Simulator.Ble.Radio;

/// <summary>
/// What gets between one transmitter and the phone (docs/ble-link.md "Radio impairments"; loss causes in spec §4):
/// out-of-range spans, a share of wake windows that never advertise, and a share of notifications lost inside a
/// window. Every answer is a pure function of <see cref="Seed"/> and the question, so a run replays exactly.
/// </summary>
public sealed class RadioPlan
{
    private const ulong MissedStream = 0x6D69737365640001; // "missed"
    private const ulong LossStream = 0x6C6F737300000002;   // "loss"

    public RadioPlan(int seed, double missedWindows = 0, double packetLoss = 0, IReadOnlyList<RadioSpan>? outOfRange = null)
    {
        if (!(missedWindows >= 0 && missedWindows <= 1))
            throw new ArgumentOutOfRangeException(nameof(missedWindows), missedWindows, "The missed-windows ratio is a share from 0 to 1.");
        if (!(packetLoss >= 0 && packetLoss <= 1))
            throw new ArgumentOutOfRangeException(nameof(packetLoss), packetLoss, "The packet-loss ratio is a share from 0 to 1.");
        Seed = seed;
        MissedWindows = missedWindows;
        PacketLoss = packetLoss;
        OutOfRange = [.. (outOfRange ?? []).OrderBy(s => s.From)];
    }

    /// <summary>A radio that never loses anything.</summary>
    public static RadioPlan Clear { get; } = new(0);

    /// <summary>The seed every draw derives from; journal it so a run can be replayed.</summary>
    public int Seed { get; }

    public double MissedWindows { get; }

    public double PacketLoss { get; }

    public IReadOnlyList<RadioSpan> OutOfRange { get; }

    /// <summary>
    /// The plan for a scenario's <c>ble.radio</c> block: spans are offsets from <paramref name="runStart"/>. Give each
    /// link its own seed (e.g. run seed × 31 + link id) so two patients do not miss the same windows.
    /// </summary>
    public static RadioPlan From(RadioSpec spec, DateTimeOffset runStart, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new RadioPlan(seed, spec.MissedWindows, spec.PacketLoss,
            [.. spec.OutOfRange.Select(s => new RadioSpan(runStart + s.Offset, runStart + s.Offset + s.Duration))]);
    }

    public bool IsOutOfRange(DateTimeOffset at) => OutOfRange.Any(s => s.Contains(at));

    /// <summary>Whether wake window number <paramref name="window"/> is dropped by the missed-windows ratio.</summary>
    public bool IsWindowMissed(long window) => MissedWindows > 0 && SeededDraw.Unit(Seed, MissedStream, window) < MissedWindows;

    /// <summary>
    /// Whether the <paramref name="frame"/>-th notification/indication (0-based) the transmitter sends in window
    /// <paramref name="window"/> is lost. Advertisements, connects and disconnects are never lost: they stand for
    /// the phone's stack noticing the link, not for a packet.
    /// </summary>
    public bool IsFrameDropped(long window, int frame) => PacketLoss > 0 && SeededDraw.Unit(Seed, LossStream, window, frame) < PacketLoss;

    /// <summary>Whether window <paramref name="window"/>, opening at <paramref name="opensAt"/>, advertises; out of range wins over missed.</summary>
    public WindowOutcome? Suppresses(long window, DateTimeOffset opensAt) =>
        IsOutOfRange(opensAt) ? WindowOutcome.OutOfRange
        : IsWindowMissed(window) ? WindowOutcome.Missed
        : null;
}
