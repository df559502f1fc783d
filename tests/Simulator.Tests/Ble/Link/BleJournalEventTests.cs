using System.Text.Json;
using Simulator.Journal;

namespace Simulator.Tests.Ble.Link;

public class BleJournalEventTests
{
    [Fact]
    public void Ble_events_round_trip_through_the_journal_format_with_their_type_names()
    {
        var at = new DateTimeOffset(2024, 1, 1, 0, 5, 0, TimeSpan.Zero);
        JournalEvent[] events =
        [
            new BleFrameRecorded { At = at, Link = 1, Direction = "p2c", Event = "notify", Characteristic = "control", Message = "GlucoseRx", Hex = "31", Receiver = 2, Dropped = true },
            new BleWindowClosed { At = at, Link = 1, Patient = "child-1", Window = 3, OpenedAt = at, Outcome = "missed" },
            new BleReceiverChanged { At = at, Receiver = 2, Transport = "tcp", Change = "rejected", Reason = "malformed frame" },
        ];

        var lines = events.Select(e => JsonSerializer.Serialize(e, RunJournal.JsonOptions)).ToList();

        Assert.Contains("\"type\":\"ble-frame\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"type\":\"ble-window\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"type\":\"ble-receiver\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(events, lines.Select(l => JsonSerializer.Deserialize<JournalEvent>(l, RunJournal.JsonOptions)));
    }
}
