using Simulator.Ble.Radio;

namespace Simulator.Ble.Link;

/// <summary>
/// One transmitter the link server plays: a patient's Dexcom, its link id on the wire, its radio and its wake
/// schedule (docs/ble-link.md). <see cref="Phase"/> is the offset of the first window from the run start, 0 ≤ phase
/// &lt; 300 s; give it a few seconds so the window opens after the reading of that 5-minute slot is measured.
/// </summary>
public sealed record BleLinkSpec(
    ushort LinkId,
    string Patient,
    string TransmitterId,
    TransmitterGeneration Generation,
    RadioPlan Radio,
    TimeSpan Window,
    TimeSpan Phase,
    DateTimeOffset ActivatedAt)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(15);

    /// <summary>The sensor session start TransmitterTimeRx reports; null = <see cref="ActivatedAt"/>.</summary>
    public DateTimeOffset? SessionStartedAt { get; init; }

    /// <summary>Seeds the transmitter's auth challenges; derived from the radio seed so one run seed fixes every byte.</summary>
    public int ChallengeSeed => unchecked((Radio.Seed * 397) + LinkId);

    internal void Validate()
    {
        if (LinkId == 0)
            throw new ArgumentException($"Patient '{Patient}': link ids start at 1; 0 means \"no link\" on the wire.");
        if (Window <= TimeSpan.Zero || Window >= WakeSchedule.Period)
            throw new ArgumentException($"Patient '{Patient}': a wake window of {Window} must be longer than 0 and shorter than the 300 s wake period.");
        if (Phase < TimeSpan.Zero || Phase >= WakeSchedule.Period)
            throw new ArgumentException($"Patient '{Patient}': a phase of {Phase} must be at least 0 and under 300 s.");
    }
}
