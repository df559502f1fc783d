using System.Text.Json;
using Simulator.Journal;

namespace Simulator.Load.Recovery;

/// <summary>A push the FCM fake received, read with the harness's default delivery mapping (token, data.alert, data.readingAt).</summary>
internal readonly record struct PushSeen(long AtTicks, string Follower, string Alert, string ReadingAt);

/// <summary>
/// Alert storms from the journal's pushes: pushes per follower per 5 virtual minutes after recovery (the most any
/// follower got, and how many followers got more than one in some 5 minutes), totals by alert, and duplicates: the same
/// alert about the same reading delivered to the same follower more than once.
/// </summary>
internal sealed class AlertAnalysis
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly List<PushSeen> _pushes = [];
    private readonly long _unreadable;

    public AlertAnalysis(IEnumerable<PushReceived> pushes, IReadOnlyDictionary<string, string> followerByToken)
    {
        foreach (var push in pushes)
        {
            if (Read(push, followerByToken) is { } seen) _pushes.Add(seen);
            else _unreadable++;
        }
    }

    /// <summary>Extra copies of a push already delivered (same follower, alert and reading).</summary>
    public long DuplicatePushes => _pushes.GroupBy(p => (p.Follower, p.Alert, p.ReadingAt)).Sum(g => g.Count() - 1L);

    public AlertFigures Figures(DateTimeOffset recovery)
    {
        var after = _pushes.Where(p => p.AtTicks >= recovery.UtcTicks).ToList();
        var perWindow = after.GroupBy(p => (p.Follower, Bucket: (p.AtTicks - recovery.UtcTicks) / Window.Ticks)).Select(g => (g.Key.Follower, Count: g.Count())).ToList();
        return new AlertFigures(
            _pushes.Count,
            after.Count,
            perWindow.Count == 0 ? 0 : perWindow.Max(w => w.Count),
            perWindow.Where(w => w.Count > 1).Select(w => w.Follower).Distinct().Count(),
            _pushes.GroupBy(p => p.Alert).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            _unreadable);
    }

    /// <summary>Pushes in the virtual minute starting at <paramref name="from"/>, and the most any one follower got in it.</summary>
    public (long Pushes, int MaxToOne) InMinute(DateTimeOffset from)
    {
        var (start, end) = (from.UtcTicks, from.UtcTicks + TimeSpan.TicksPerMinute);
        var inMinute = _pushes.Where(p => p.AtTicks >= start && p.AtTicks < end).ToList();
        return (inMinute.Count, inMinute.Count == 0 ? 0 : inMinute.GroupBy(p => p.Follower).Max(g => g.Count()));
    }

    private static PushSeen? Read(PushReceived push, IReadOnlyDictionary<string, string> followerByToken)
    {
        try
        {
            using var doc = JsonDocument.Parse(push.Payload);
            if (!doc.RootElement.TryGetProperty("message", out var message)) return null;
            var token = message.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (token is null || !followerByToken.TryGetValue(token, out var follower)) return null;
            if (!message.TryGetProperty("data", out var data)) return null;
            var alert = data.TryGetProperty("alert", out var a) ? a.GetString() : null;
            var readingAt = data.TryGetProperty("readingAt", out var r) ? r.GetString() : null;
            return alert is null ? null : new PushSeen(push.At.UtcTicks, follower, alert, readingAt ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
