using System.Net;
using LoadDriver.Targets;
using LoadDriver.Targets.Raw;
using Simulator.Journal;

namespace Simulator.Cli.Commands;

/// <summary>
/// Samples the process's managed heap (and a journal's in-memory count) while a run goes on, keeping the peaks. The
/// heap is the whole process's: the load driver's client and histograms are in it too, as is the fake.
/// </summary>
internal sealed class BenchMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly RunJournal? _journal;

    private BenchMemorySampler(RunJournal? journal)
    {
        _journal = journal;
        _sampling = Task.Run(SampleAsync);
    }

    public long PeakHeapBytes { get; private set; }
    public int PeakJournalInMemory { get; private set; }

    /// <summary>Collects first, so the peak is this run's and not garbage left by the one before.</summary>
    public static BenchMemorySampler Start(RunJournal? journal)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new BenchMemorySampler(journal);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), TimeProvider.System); // clock-ok: samples real memory over real time
        do Sample();
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stop.Token); }
        catch (OperationCanceledException) { return false; }
    }

    private void Sample()
    {
        // The larger of the live count and the last GC's heap size: between GCs the count rises, at a GC the info has the peak.
        var heap = Math.Max(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes);
        if (heap > PeakHeapBytes) PeakHeapBytes = heap;
        if (_journal is not null && _journal.InMemoryCount is var held && held > PeakJournalInMemory) PeakJournalInMemory = held;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        _stop.Dispose();
    }
}

/// <summary>What the journal holds of a vendor's requests, counted a page at a time (never the whole history in memory).</summary>
internal sealed class BenchJournalCount(RunJournal journal, string vendor)
{
    public const int PageSize = 10_000;
    private long _since;

    public long Served { get; private set; }

    /// <summary>Whether every event so far carried the next sequence number (1, 2, 3, ...): none lost, none repeated.</summary>
    public bool Gapless { get; private set; } = true;

    public long Events => _since;

    /// <summary>Reads the events appended since the last call.</summary>
    public void CatchUp()
    {
        IReadOnlyList<JournalEvent> page;
        while ((page = journal.ReadSince(_since, PageSize)).Count > 0)
        {
            foreach (var e in page)
            {
                if (e.Seq != _since + 1) Gapless = false;
                _since = e.Seq;
                if (e is RequestServed r && r.Vendor == vendor) Served++;
            }
        }
    }

    /// <summary>
    /// Counts until <paramref name="expected"/> requests are journaled or <paramref name="patience"/> passes: a fake
    /// journals a request just after answering it, so the last few may land a moment after the client has its answers.
    /// A short second look afterwards catches any journaled twice.
    /// </summary>
    public async Task<long> SettleAsync(long expected, TimeSpan patience, CancellationToken ct)
    {
        var clock = TimeProvider.System; // clock-ok: waits in real time for the fake's last journal writes
        var start = clock.GetTimestamp();
        CatchUp();
        while (Served < expected && clock.GetElapsedTime(start) < patience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
            CatchUp();
        }
        await Task.Delay(TimeSpan.FromMilliseconds(200), clock, ct);
        CatchUp();
        return Served;
    }
}

/// <summary>
/// How the bench sends a fake's request: the raw keep-alive client (HTTP/1.1, the fastest), or for a fake that speaks
/// HTTP/2 only, HttpClient with h2c prior knowledge over as many connections as it likes.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly RawHttpClient? _raw;
    private readonly HttpClient? _http;

    private BenchClient(RawHttpClient? raw, HttpClient? http, Func<CancellationToken, Task<Outcome>> send)
    {
        _raw = raw;
        _http = http;
        Send = send;
    }

    public Func<CancellationToken, Task<Outcome>> Send { get; }

    public static BenchClient For(BenchFakeTarget target, int connections)
    {
        if (!target.Http2)
        {
            var raw = RawHttpTargets.Create(target.Request, connections);
            return new BenchClient(raw, null, raw.SendAsync);
        }
        LoopbackGuard.Ensure(target.Request.Url);
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false, EnableMultipleHttp2Connections = true })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var spec = target.Request;
        var method = new HttpMethod(spec.Method);
        return new BenchClient(null, http, async ct =>
        {
            // h2c with prior knowledge: HTTP/2 on plain http, never a downgrade to HTTP/1.1.
            using var message = new HttpRequestMessage(method, spec.Url) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            if (spec.Body is { } body) message.Content = new ByteArrayContent(body);
            foreach (var (name, value) in spec.Headers)
                if (!message.Headers.TryAddWithoutValidation(name, value))
                    (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            return Outcome.FromStatus((int)response.StatusCode);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_raw is not null) await _raw.DisposeAsync();
        _http?.Dispose();
    }
}
