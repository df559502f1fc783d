using Simulator.Journal;

namespace Simulator.Tests.Journal;

public sealed class RunJournalTests
{
    private static readonly DateTimeOffset T = new(2019, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static JournalEvent[] SampleEvents() =>
    [
        new RunStarted { At = T, Scenario = "dexcom-share-2019", Seed = 7, Speed = 600, Sut = "reference-system" },
        new ReadingGenerated { At = T, Patient = "child-1", Mgdl = 54, Trend = "SingleDown" },
        new UploadAttempted { At = T.AddSeconds(1), Patient = "child-1", Vendor = "dexcom-share", Readings = 1, Status = 0, Error = "reset" },
        new ReadingAccepted { At = T.AddSeconds(2), Vendor = "dexcom-share", Patient = "child-1", SensorTime = T, Mgdl = 54, VisibleAt = T.AddHours(2) },
        new RequestServed { At = T.AddSeconds(3), Vendor = "dexcom-share", Endpoint = "read", Method = "POST", Path = "/ShareWebServices/Services/Publisher/ReadPublisherLatestGlucoseValues", Status = 500, Fault = "outage" },
        new ReadingsServed { At = T.AddSeconds(4), Vendor = "nightscout", Patient = "child-1", Count = 0 },
        new FaultPhaseChanged { At = T.AddSeconds(5), Target = "dexcom-share/read", Kind = "backlog", Active = true },
        new PushReceived { At = T.AddSeconds(6), Channel = "fcm", Payload = """{"message":{"token":"t","data":{"mgdl":"54"}}}""" },
        new RunEnded { At = T.AddHours(6), Outcome = "completed" },
    ];

    [Fact]
    public async Task Events_get_increasing_sequence_numbers_in_append_order()
    {
        await using var journal = new RunJournal();
        var events = SampleEvents();

        foreach (var e in events) journal.Append(e);

        var snapshot = journal.Snapshot();
        Assert.Equal(events, snapshot);
        Assert.Equal(Enumerable.Range(1, events.Length).Select(i => (long)i), snapshot.Select(e => e.Seq));
        Assert.Null(journal.FilePath);
    }

    [Fact]
    public async Task Concurrent_appends_get_unique_gapless_sequence_numbers()
    {
        await using var journal = new RunJournal();

        Parallel.For(0, 2000, i => journal.Append(new ReadingGenerated { At = T.AddSeconds(i), Patient = "child-1", Mgdl = 100, Trend = "Flat" }));

        var seqs = journal.Snapshot().Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task OfType_filters_by_event_type_and_snapshots_are_copies()
    {
        await using var journal = new RunJournal();
        foreach (var e in SampleEvents()) journal.Append(e);

        var before = journal.Snapshot();
        journal.Append(new RunEnded { At = T.AddHours(7), Outcome = "again" });

        Assert.Single(journal.OfType<ReadingAccepted>());
        Assert.Equal(["completed", "again"], journal.OfType<RunEnded>().Select(e => e.Outcome));
        Assert.Equal(SampleEvents().Length, before.Count);
    }

    [Fact]
    public async Task A_journal_file_round_trips_every_event_with_its_concrete_type()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"runjournal-{Guid.NewGuid():N}");
        var path = Path.Combine(dir, "runs", "journal.jsonl");
        try
        {
            var events = SampleEvents();
            var journal = new RunJournal(path);
            foreach (var e in events) journal.Append(e);
            await journal.DisposeAsync();

            var read = RunJournal.ReadFile(path);

            Assert.Equal(path, journal.FilePath);
            Assert.Equal(events.Select(e => e.GetType()), read.Select(e => e.GetType()));
            Assert.Equal(events, read);
            Assert.Equal(Enumerable.Range(1, events.Length).Select(i => (long)i), read.Select(e => e.Seq));
            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal(events.Length, lines.Length);
            Assert.StartsWith("""{"type":"run-started",""", lines[0], StringComparison.Ordinal);
            Assert.Contains("\"visibleAt\":\"2019-11-30T08:00:00+00:00\"", lines[3], StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Events_appended_from_many_threads_all_reach_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"runjournal-{Guid.NewGuid():N}.jsonl");
        try
        {
            var journal = new RunJournal(path);
            Parallel.For(0, 500, i => journal.Append(new PushReceived { At = T.AddSeconds(i), Channel = "fcm", Payload = $"{{\"n\":{i}}}" }));
            await journal.DisposeAsync();

            var read = RunJournal.ReadFile(path);

            Assert.Equal(500, read.Count);
            Assert.All(read, e => Assert.IsType<PushReceived>(e));
            Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), read.Select(e => e.Seq).Order());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
