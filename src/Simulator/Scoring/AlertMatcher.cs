using Scenarios.Model;

namespace Simulator.Scoring;

public enum ExpectedOutcome { OnTime, Late, Missed }

/// <summary>
/// How each delivery was judged: <c>matched</c> (first delivery for its alert, in time to help), <c>too-late</c>
/// (first, but later than the scenario's missed-after limit: the alert still counts as missed),
/// <c>duplicate</c> (another delivery for an alert already delivered), <c>false</c> (no alert was due).
/// </summary>
public enum DeliveryClass { Matched, TooLate, Duplicate, False }

public sealed record JudgedExpected(ExpectedAlert Expected, ExpectedOutcome Outcome, Delivery? Delivery)
{
    public TimeSpan? Latency => Delivery is null ? null : Delivery.DeliveredAt - Expected.DueAt;
}

public sealed record JudgedDelivery(Delivery Delivery, DeliveryClass Class, AlertEpisode? Episode);

/// <summary>
/// Pairs deliveries with expected alerts, per follower. A threshold alert is paired through the reading it
/// names (<c>readingAt</c> inside the episode); without one, by delivery time. A no-data notice is paired with
/// the gap it was delivered in. Deliveries are taken in the order they arrived, so the first one for an alert is
/// the one that counts.
/// </summary>
public static class AlertMatcher
{
    public static (IReadOnlyList<JudgedExpected> Expected, IReadOnlyList<JudgedDelivery> Deliveries) Match(
        IReadOnlyList<ExpectedAlert> expected, IEnumerable<Delivery> deliveries, ScoringSpec scoring)
    {
        var episodes = expected.Select(e => e.Episode).Distinct().ToLookup(e => (e.Patient, e.AlertType));
        var due = expected.Select(e => (e.Episode, e.Follower)).ToHashSet();
        var firstDelivery = new Dictionary<(AlertEpisode, string Follower), Delivery>();
        var judged = new List<JudgedDelivery>();

        foreach (var d in deliveries.OrderBy(d => d.DeliveredAt))
        {
            // Gaps can follow each other closely (a sensor dropout, then an outage): a notice belongs to the latest gap
            // that had begun when it arrived, not to an earlier one still inside its grace period.
            var candidates = episodes[(d.Patient, d.AlertType)].Where(e => Belongs(d, e, scoring));
            var episode = d.AlertType == AlertTypes.NoData
                ? candidates.Where(e => e.Start <= d.DeliveredAt).MaxBy(e => e.Start) ?? candidates.FirstOrDefault()
                : candidates.FirstOrDefault();
            if (episode is null || !due.Contains((episode, d.Follower)))
            {
                judged.Add(new JudgedDelivery(d, DeliveryClass.False, null));
                continue;
            }
            if (firstDelivery.ContainsKey((episode, d.Follower)))
            {
                judged.Add(new JudgedDelivery(d, DeliveryClass.Duplicate, episode));
                continue;
            }
            firstDelivery[(episode, d.Follower)] = d;
            var tooLate = d.DeliveredAt - episode.DueAt > scoring.MissedAfter;
            judged.Add(new JudgedDelivery(d, tooLate ? DeliveryClass.TooLate : DeliveryClass.Matched, episode));
        }

        var outcomes = expected.Select(x =>
        {
            if (!firstDelivery.TryGetValue((x.Episode, x.Follower), out var d)) return new JudgedExpected(x, ExpectedOutcome.Missed, null);
            var latency = d.DeliveredAt - x.DueAt;
            var outcome = latency > scoring.MissedAfter ? ExpectedOutcome.Missed
                        : latency > scoring.OnTime ? ExpectedOutcome.Late
                        : ExpectedOutcome.OnTime;
            return new JudgedExpected(x, outcome, d);
        }).ToList();
        return (outcomes, judged);
    }

    private static bool Belongs(Delivery d, AlertEpisode e, ScoringSpec scoring)
    {
        if (e.AlertType == AlertTypes.NoData)
            return d.DeliveredAt >= e.Start && d.DeliveredAt <= e.End + scoring.MissedAfter;
        if (d.ReadingAt is { } readingAt)
            return readingAt >= e.Start && readingAt < e.End;
        return d.DeliveredAt >= e.DueAt - scoring.OnTime && d.DeliveredAt <= e.End + scoring.MissedAfter;
    }
}
