namespace Simulator.Scoring;

/// <summary>
/// A stretch of ground truth during which an alert condition held: readings in an alert range
/// (<see cref="Start"/> = first such reading, <see cref="End"/> = first reading out of it), or a gap in the
/// follow source's data (<see cref="Start"/> = sensor time of the last reading before it, <see cref="End"/> =
/// when fresh data was available again).
/// </summary>
public sealed record AlertEpisode(string Patient, string AlertType, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset DueAt, int? Mgdl);

/// <summary>One alert a perfect system would have delivered to one follower.</summary>
public sealed record ExpectedAlert(AlertEpisode Episode, string Follower)
{
    public string Patient => Episode.Patient;
    public string AlertType => Episode.AlertType;
    public DateTimeOffset DueAt => Episode.DueAt;
}
