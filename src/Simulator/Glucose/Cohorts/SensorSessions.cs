using Bogus;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// When each member starts a new sensor during the run (spec glucose-model.md §11.4): G6 sessions last 10 days,
/// G7 10 days plus a 12-hour grace period (people replace it somewhere in the grace, drawn uniformly), Libre 2 14
/// days. At the run's start each member is at a uniformly drawn point of their current session, so sensor changes
/// (and warm-ups) are spread over the run instead of all at once. A new sensor goes on 0–60 min after the old one
/// ends (a design choice: people rarely change it the moment it expires).
/// </summary>
public static class SensorSessions
{
    public const string G6 = "g6";
    public const string G7 = "g7";
    public const string Libre2 = "libre2";

    public static readonly IReadOnlyList<string> Kinds = [G6, G7, Libre2];

    public static TimeSpan SessionLength(string kind) => kind switch
    {
        G6 => TimeSpan.FromDays(10),
        G7 => TimeSpan.FromDays(10),
        Libre2 => TimeSpan.FromDays(14),
        _ => throw new ArgumentException($"\"{kind}\" is not a sensor kind; use one of {string.Join(", ", Kinds)}.", nameof(kind)),
    };

    /// <summary>Grace period a kind allows past its session, used up by a uniformly drawn amount.</summary>
    public static TimeSpan Grace(string kind) => kind == G7 ? TimeSpan.FromHours(12) : TimeSpan.Zero;

    internal static IReadOnlyList<TimeSpan> Starts(Randomizer random, string kind, TimeSpan duration)
    {
        var session = SessionLength(kind);
        var grace = Grace(kind);
        var starts = new List<TimeSpan>();
        // Minutes until the current sensor ends, with the run start somewhere inside its session.
        var next = TimeSpan.FromMinutes(random.Number(1, (int)session.TotalMinutes));
        while (true)
        {
            next += TimeSpan.FromMinutes(random.Number(0, (int)grace.TotalMinutes) + random.Number(0, 60));
            if (next >= duration)
                return starts;
            starts.Add(next);
            next += session;
        }
    }
}
