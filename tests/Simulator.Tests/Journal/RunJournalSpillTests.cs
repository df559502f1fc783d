using Simulator.Journal;

namespace Simulator.Tests.Journal;

/// <summary>The bounded journal: at most its cap in memory, every event still readable, in order, from disk.</summary>
public sealed class RunJournalSpillTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2019, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("runjournal-spill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JournalEvent Event(int i) => (i % 3) switch
    {
        0 => new RequestServed { At = T.AddSeconds(i), Vendor = "nightscout", Endpoint = "read", Method = "GET", Path = $"/p/{i}", Status = 200 },
        1 => new ReadingGenerated { At = T.AddSeconds(i), Patient = $"child-{i}", Mgdl = 100 + i % 50, Trend = "Flat" },
        _ => new PushReceived { At = T.AddSeconds(i), Channel = "fcm", Payload = $"{{\"n\":{i}}}" },
    };

    /// <summary>Appends <paramref name="count"/> events from four threads, sampling the in-memory count as it goes.</summary>
    private static int AppendFromThreads(RunJournal journal, int count)
    {
        var next = -1;
        var highest = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                journal.Append(Event(i));
                if (i % 97 == 0)
                {
                    var now = journal.InMemoryCount;
                    int seen;
                    while (now > (seen = Volatile.Read(ref highest)) && Interlocked.CompareExchange(ref highest, now, seen) != seen) { }
                }
            }
        });
        return highest;
    }

    private static void AssertComplete(IReadOnlyList<JournalEvent> events, int count)
    {
        Assert.Equal(count, events.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task With_a_file_and_a_small_cap_every_event_of_20k_concurrent_appends_is_kept_in_order_and_memory_stays_bounded()
    {
        var path = Path.Combine(_dir, "journal.jsonl");
        await using var journal = new RunJournal(path, memoryCap: 1000);

        var highest = AppendFromThreads(journal, 20_000);

        Assert.InRange(highest, 1, 1000);
        Assert.InRange(journal.InMemoryCount, 1, 1000);
        Assert.Equal(20_000, journal.Count);
        var snapshot = journal.Snapshot();
        AssertComplete(snapshot, 20_000);
        // Each sequence number holds the event that was appended with it: the event's own payload tells which.
        Assert.Equal(snapshot.Count(e => e is RequestServed), journal.OfType<RequestServed>().Count);
        Assert.Equal(snapshot.OfType<PushReceived>(), journal.OfType<PushReceived>());
        Assert.Equal(snapshot.OfType<ReadingGenerated>().Select(e => e.Seq), journal.OfType<ReadingGenerated>().Select(e => e.Seq));
        Assert.Equal(6667, journal.OfType<RequestServed>().Count);
        Assert.Equal(snapshot, journal.OfType<JournalEvent>());

        await journal.DisposeAsync();
        var file = RunJournal.ReadFile(path);
        AssertComplete(file, 20_000);
        Assert.Equal(snapshot, file);
    }

    [Fact]
    public async Task Without_a_file_past_the_cap_it_spills_to_a_temporary_file_it_deletes_on_dispose()
    {
        var journal = new RunJournal(memoryCap: 1000);
        var spill = "";
        try
        {
            AppendFromThreads(journal, 500);
            Assert.False(journal.HasSpilled);
            Assert.Equal(500, journal.InMemoryCount);

            var highest = AppendFromThreads(journal, 19_500);

            Assert.True(journal.HasSpilled);
            spill = journal.SpillPath!;
            Assert.True(File.Exists(spill));
            Assert.Null(journal.FilePath);
            Assert.InRange(highest, 1, 1000);
            Assert.InRange(journal.InMemoryCount, 1, 1000);
            AssertComplete(journal.Snapshot(), 20_000);
            Assert.Equal(20_000, journal.Count);
        }
        finally
        {
            await journal.DisposeAsync();
        }
        Assert.False(File.Exists(spill));
        Assert.Throws<ObjectDisposedException>(() => journal.Snapshot());
    }

    [Fact]
    public async Task Appending_one_event_at_a_time_keeps_exactly_the_cap_in_memory_once_flushed()
    {
        await using var journal = new RunJournal(memoryCap: 10);
        for (var i = 0; i < 10_000; i++)
        {
            journal.Append(Event(i));
            Assert.InRange(journal.InMemoryCount, 1, 10);
        }

        AssertComplete(journal.Snapshot(), 10_000);
        Assert.Equal(Enumerable.Range(0, 10_000).Where(i => i % 3 == 2).Select(i => $"{{\"n\":{i}}}"), journal.OfType<PushReceived>().Select(p => p.Payload));
    }

    [Fact]
    public async Task ReadSince_pages_through_the_whole_journal_across_the_file_and_the_memory_tail()
    {
        await using var journal = new RunJournal(Path.Combine(_dir, "paged.jsonl"), memoryCap: 1000);
        for (var i = 0; i < 5000; i++) journal.Append(Event(i));

        var pages = new List<IReadOnlyList<JournalEvent>>();
        long since = 0;
        while (journal.ReadSince(since, 777) is { Count: > 0 } page)
        {
            pages.Add(page);
            since = page[^1].Seq;
        }

        Assert.Equal(7, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(777, p.Count));
        AssertComplete([.. pages.SelectMany(p => p)], 5000);
        Assert.Equal(journal.Snapshot(), pages.SelectMany(p => p));
        // Any starting point, on either side of the in-memory boundary, and at the index's block edges.
        foreach (var from in new long[] { 0, 1, 1023, 1024, 1025, 2047, 3999, 4000, 4001, 4998 })
            Assert.Equal(Enumerable.Range((int)from + 1, (int)Math.Min(5, 5000 - from)).Select(i => (long)i), journal.ReadSince(from, 5).Select(e => e.Seq));
        Assert.Empty(journal.ReadSince(5000, 10));
        Assert.Empty(journal.ReadSince(0, 0));
        Assert.Equal(Event(2500) with { Seq = 2501 }, Assert.Single(journal.ReadSince(2500, 1)));
    }

    [Fact]
    public async Task Readers_see_every_event_while_appends_go_on()
    {
        await using var journal = new RunJournal(memoryCap: 200);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++) journal.Append(Event(i));
        });
        while (!writer.IsCompleted)
        {
            var snapshot = journal.Snapshot();
            Assert.Equal(Enumerable.Range(1, snapshot.Count).Select(i => (long)i), snapshot.Select(e => e.Seq));
            var page = journal.ReadSince(Math.Max(0, journal.Count - 300), 100);
            Assert.Equal(page.Select(e => e.Seq).Order(), page.Select(e => e.Seq));
        }
        await writer;
        AssertComplete(journal.Snapshot(), 20_000);
    }
}
