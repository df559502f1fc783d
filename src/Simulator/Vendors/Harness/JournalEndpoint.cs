using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Simulator.Journal;

namespace Simulator.Vendors.Harness;

/// <summary>
/// <c>GET /__harness/journal?since=SEQ&amp;limit=N</c> on every fake: the part of the run's journal about that vendor, as
/// JSON, so a team pointing its own app at a standalone fake can see what the fake saw and did. It is the harness's
/// own path: never faulted, never journaled, and no vendor has anything under <c>/__harness</c>.
/// </summary>
public static class JournalEndpoint
{
    public const string Path = "/__harness/journal";
    public const int DefaultLimit = 1000, MaxLimit = 10_000;

    public static bool Handles(HttpRequest request) =>
        request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static async Task AnswerAsync(HttpContext http, RunJournal journal, string vendor)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await WriteAsync(http, 405, new { error = $"{Path} answers GET only" });
            return;
        }
        if (!TryQuery(http.Request, "since", 0, long.MaxValue, 0, out var since)
            || !TryQuery(http.Request, "limit", 1, MaxLimit, DefaultLimit, out var limitValue))
        {
            await WriteAsync(http, 400, new { error = $"since must be a sequence number (0 or more) and limit a count from 1 to {MaxLimit}, e.g. {Path}?since=0&limit=100" });
            return;
        }
        var limit = (int)limitValue;
        var events = new List<JournalEvent>();
        var next = since;
        // Other vendors' events are skipped a page at a time, so one fake's page never holds the whole journal in memory.
        while (events.Count < limit)
        {
            var page = journal.ReadSince(next, 4096);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                next = e.Seq;
                if (IsAbout(e, vendor) && events.Count < limit) events.Add(e);
                if (events.Count == limit) break;
            }
        }
        await WriteAsync(http, 200, new JournalPage(vendor, events, next, journal.Count));
    }

    /// <summary>Whether an event is about this vendor: a request it served, a reading it held or showed, a push it took, its faults.</summary>
    public static bool IsAbout(JournalEvent e, string vendor) => e switch
    {
        RequestServed r => r.Vendor == vendor,
        ReadingAccepted a => a.Vendor == vendor,
        ReadingsServed s => s.Vendor == vendor,
        PushReceived p => p.Channel == vendor,
        FaultPhaseChanged f => f.Target == vendor || f.Target.StartsWith(vendor + "/", StringComparison.Ordinal),
        RunStarted or RunEnded => true,
        _ => false,
    };

    /// <summary>One page: the events (each with its <c>type</c> and <c>seq</c>), and where to go on from (<c>?since=next</c>).</summary>
    private sealed record JournalPage(string Vendor, IReadOnlyList<JournalEvent> Events, long Next, long Total);

    private static bool TryQuery(HttpRequest request, string name, long min, long max, long fallback, out long value)
    {
        value = fallback;
        if (!request.Query.TryGetValue(name, out var raw) || raw.Count == 0) return true;
        if (!long.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max) return false;
        value = n;
        return true;
    }

    private static async Task WriteAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, RunJournal.JsonOptions), http.RequestAborted);
    }
}
