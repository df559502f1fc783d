using System.Net;
using ReferenceSystem.Alerts;
using ReferenceSystem.Follow;

namespace ReferenceSystem.Receiver;

/// <summary>A validated POST /api/receiver.</summary>
internal sealed record ReceiverSettings(
    Uri ClockUrl,
    IPEndPoint Link,
    Uri LocalAlarms,
    AlertPolicy Policy,
    IReadOnlyList<TransmitterSettings> Transmitters)
{
    /// <summary>Readings measured from here on are the phone's to collect (and backfill); older history is not.</summary>
    public DateTimeOffset? Since { get; init; }
}

/// <summary>One patient's transmitter and where its readings go (either upload target may be absent).</summary>
internal sealed record TransmitterSettings(
    string Patient,
    ushort LinkId,
    string TransmitterId,
    ShareAccount? Share,
    NightscoutSite? Nightscout);
