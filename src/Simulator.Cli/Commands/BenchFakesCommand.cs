using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets.Raw;
using Simulator.Cli.Output;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Runs;
using Simulator.Vendors;

namespace Simulator.Cli.Commands;

/// <summary>What <c>bench fakes</c> is asked to do.</summary>
internal sealed record BenchFakesSettings(long Requests, int Connections, int MemoryCap, IReadOnlyList<string> Fakes, string? Json, string? KeepJournals);

/// <summary>One measured run: bare Kestrel or a fake.</summary>
internal sealed record BenchFakesRow(
    string Target, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms, double PeakHeapMb,
    long? Sent, long? Journaled, long? JournalEvents, int? PeakInMemoryEvents, bool? Complete, double? RatioToKestrel);

/// <summary>
/// <c>simulator bench fakes</c>: each vendor fake on loopback, with a journal capped small in memory and streaming to a
/// file, driven closed (C connections, raw keep-alive client) for N requests as fast as it answers; then the journal
/// must hold a <c>RequestServed</c> for every request sent, or the command fails. Bare Kestrel is measured the same way
/// in the same process first, so each fake's rate is also given as a share of it.
/// </summary>
internal static class BenchFakesCommand
{
    public const long DefaultRequests = 200_000, MaxRequests = 10_000_000;
    public const int DefaultMemoryCap = 10_000;

    /// <summary>Far longer than N requests take; the request count is the real bound, this only stops a hung run.</summary>
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(10);

    /// <summary>How long the journal may lag the client's last answers before the missing ones count as lost.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var requests = new Option<long>("--requests") { Description = "Requests per target (bare Kestrel and each fake), after a short warm-up.", DefaultValueFactory = _ => DefaultRequests };
        var connections = new Option<int>("--connections") { Description = "Closed-model connections, each sending its next request as soon as the answer arrives.", DefaultValueFactory = _ => 64 };
        var memoryCap = new Option<int>("--memory-cap") { Description = "Events each fake's journal holds in memory; older ones live in its file.", DefaultValueFactory = _ => DefaultMemoryCap };
        var fakes = new Option<string>("--fakes") { Description = $"Comma-separated fakes to measure (default all: {string.Join(",", BenchFakes.All.Select(f => f.Vendor))})." };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var keep = new Option<string?>("--keep-journals") { Description = "Keep each fake's journal (<vendor>.jsonl) in this folder; by default they go to a temporary folder, deleted after." };
        var command = new Command("fakes", "Each vendor fake's sustained request rate vs bare Kestrel, and proof its journal recorded every request.")
            { requests, connections, memoryCap, fakes, json, keep };
        command.SetAction((parse, ct) => Failure.Guard(() => RunAsync(
            new BenchFakesSettings(parse.GetValue(requests), parse.GetValue(connections), parse.GetValue(memoryCap),
                (parse.GetValue(fakes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(json), parse.GetValue(keep)),
            Console.Out, ct)));
        return command;
    }

    public static async Task<int> RunAsync(BenchFakesSettings settings, TextWriter output, CancellationToken ct)
    {
        var selected = Validate(settings);
        var warmUp = Math.Clamp(settings.Requests / 10, 100, 10_000);
        var folder = settings.KeepJournals ?? Directory.CreateTempSubdirectory("bench-fakes-").FullName;
        Directory.CreateDirectory(folder);
        var runner = new LoadRunner(TimeProvider.System); // clock-ok: the benchmark measures real latency, so it reads the real clock
        var rows = new List<BenchFakesRow>();
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench fakes: {settings.Requests} requests per target after {warmUp} to warm up, {settings.Connections} connections (closed; raw keep-alive HTTP/1.1 client, HttpClient h2c for HTTP/2-only fakes), journal cap {settings.MemoryCap} events in memory, {Environment.ProcessorCount} cores"));
            var kestrel = await MeasureKestrelAsync(settings, warmUp, runner, ct);
            rows.Add(kestrel);
            foreach (var fake in selected)
                rows.Add(await MeasureFakeAsync(fake, settings, warmUp, folder, kestrel.RequestsPerSecond, runner, ct));
        }
        finally
        {
            if (settings.KeepJournals is null) Directory.Delete(folder, recursive: true);
        }

        Print(output, rows);
        if (settings.Json is { } jsonPath)
        {
            var full = Path.GetFullPath(jsonPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, JsonSerializer.Serialize(new { settings.Requests, settings.Connections, settings.MemoryCap, warmUp, Environment.ProcessorCount, rows }, JsonOut), ct);
        }
        var incomplete = rows.Where(r => r.Complete == false).Select(r => r.Target).ToList();
        if (incomplete.Count == 0)
        {
            output.WriteLine("journal complete: every request sent to every fake was journaled once, in sequence.");
            return 0;
        }
        output.WriteLine($"journal INCOMPLETE for {string.Join(", ", incomplete)}: journaled requests differ from requests sent, or some failed.");
        return 1;
    }

    private static List<BenchFake> Validate(BenchFakesSettings s)
    {
        if (s.Requests < 1 || s.Requests > MaxRequests)
            throw new RunFailedException($"--requests {s.Requests} is out of range; give 1 to {MaxRequests}.");
        if (s.Connections is < 1 or > 10_000)
            throw new RunFailedException($"--connections {s.Connections} is out of range; give 1 to 10000.");
        if (s.MemoryCap < 1)
            throw new RunFailedException($"--memory-cap {s.MemoryCap} is out of range; give 1 or more.");
        if (s.Fakes.Count == 0) return [.. BenchFakes.All];
        var unknown = s.Fakes.Where(n => !BenchFakes.All.Any(f => f.Vendor == n)).ToList();
        if (unknown.Count > 0)
            throw new RunFailedException($"--fakes names {string.Join(", ", unknown)}, which bench fakes does not know; give some of {string.Join(", ", BenchFakes.All.Select(f => f.Vendor))}.");
        return [.. BenchFakes.All.Where(f => s.Fakes.Contains(f.Vendor))];
    }

    private static async Task<BenchFakesRow> MeasureKestrelAsync(BenchFakesSettings s, long warmUp, LoadRunner runner, CancellationToken ct)
    {
        await using var endpoint = await BenchHttpEndpoint.StartAsync(ct);
        await using var client = RawHttpTargets.Get(endpoint.Url, s.Connections);
        await runner.RunAsync(new ClosedModel(s.Connections, MaxRun, warmUp), endpoint.Url, client.SendAsync, ct);
        LoadResult result;
        BenchMemorySampler sampler;
        await using (sampler = BenchMemorySampler.Start(null))
            result = await runner.RunAsync(new ClosedModel(s.Connections, MaxRun, s.Requests), endpoint.Url, client.SendAsync, ct);
        return Row("kestrel (bare, 2-byte body)", result, sampler);
    }

    private static async Task<BenchFakesRow> MeasureFakeAsync(BenchFake fake, BenchFakesSettings s, long warmUp, string folder, double kestrelRate, LoadRunner runner, CancellationToken ct)
    {
        var journal = new RunJournal(Path.Combine(folder, $"{fake.Vendor}.jsonl"), s.MemoryCap);
        await using var _ = journal;
        var context = new FakeContext(TimeProvider.System, journal, new FaultTimeline([], 1)); // clock-ok: the fake runs in real time here, faults: none
        using var http = new HttpClient();
        var target = await fake.StartAsync(context, http, ct);
        using var __ = target.Fake;
        var url = target.Request.Url;
        await using var client = BenchClient.For(target, s.Connections);
        var warm = await runner.RunAsync(new ClosedModel(s.Connections, MaxRun, warmUp), url, client.Send, ct);
        LoadResult result;
        BenchMemorySampler sampler;
        await using (sampler = BenchMemorySampler.Start(journal))
            result = await runner.RunAsync(new ClosedModel(s.Connections, MaxRun, s.Requests), url, client.Send, ct);

        var sent = target.SetupRequests + warm.Requests + result.Requests;
        var count = new BenchJournalCount(journal, fake.Vendor);
        var journaled = await count.SettleAsync(sent, Patience, ct);
        var complete = journaled == sent && count.Gapless && count.Events == journal.Count
            && warm.Errors == 0 && result.Errors == 0 && result.Requests == s.Requests;
        return Row(fake.Vendor, result, sampler) with
        {
            Sent = sent, Journaled = journaled, JournalEvents = journal.Count, PeakInMemoryEvents = sampler.PeakJournalInMemory,
            Complete = complete, RatioToKestrel = result.Requests / result.Elapsed.TotalSeconds / kestrelRate,
            Errors = warm.Errors + result.Errors,
        };
    }

    private static BenchFakesRow Row(string target, LoadResult r, BenchMemorySampler sampler) => new(
        target, r.Requests, r.Errors, r.Requests / r.Elapsed.TotalSeconds,
        LatencyHistograms.PercentileMs(r.Raw, 50), LatencyHistograms.PercentileMs(r.Raw, 99),
        sampler.PeakHeapBytes / (1024.0 * 1024.0), null, null, null, null, null, null);

    private static void Print(TextWriter o, IReadOnlyList<BenchFakesRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine("target                        requests  errors   requests/s   p50 ms   p99 ms  peak heap MB  vs kestrel  journaled/sent     journal events  max in memory  complete");
        foreach (var r in rows)
        {
            var journaled = r.Sent is null ? "-" : $"{r.Journaled}/{r.Sent}";
            o.WriteLine(string.Create(c,
                $"{r.Target,-28} {r.Requests,9} {r.Errors,7} {r.RequestsPerSecond,12:0} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.PeakHeapMb,13:0.0} {(r.RatioToKestrel is { } x ? x.ToString("0.00", c) : "-"),11} {journaled,16} {(r.JournalEvents?.ToString(c) ?? "-"),18} {(r.PeakInMemoryEvents?.ToString(c) ?? "-"),14}  {(r.Complete switch { true => "yes", false => "NO", null => "-" })}"));
        }
        o.WriteLine();
    }
}
