namespace Scenarios.Model;

/// <summary>
/// The patient's transmitter talks to a receiver under test over the harness's BLE link instead of the harness
/// uploading for the phone: the receiver (the phone app) connects every 5 minutes, backfills after gaps, alarms
/// locally and uploads to the cloud.
/// </summary>
public sealed record BleSpec
{
    public static readonly IReadOnlyList<string> Transmitters = ["g6", "g7"];

    /// <summary><c>g6</c> or <c>g7</c>.</summary>
    public required string Transmitter { get; init; }
    /// <summary>The 6-character transmitter id (auth keys derive from it); null: derived from the seed.</summary>
    public string? Id { get; init; }
    /// <summary>How long the transmitter stays connectable after waking (not published; xDrip tolerates ~8 s of latency).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(15);
    public RadioSpec Radio { get; init; } = new();
}

/// <summary>What gets between the transmitter and the phone.</summary>
public sealed record RadioSpec
{
    /// <summary>Share of connection windows that never advertise (0..1).</summary>
    public double MissedWindows { get; init; }
    /// <summary>Share of transmitter notifications lost inside a window (0..1).</summary>
    public double PacketLoss { get; init; }
    /// <summary>Spans (offset from the start, length) when the phone is out of range: nothing gets through.</summary>
    public IReadOnlyList<OutOfRangeSpan> OutOfRange { get; init; } = [];
}

public sealed record OutOfRangeSpan(TimeSpan Offset, TimeSpan Duration);
