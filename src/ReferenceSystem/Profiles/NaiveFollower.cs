using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Profiles;

/// <summary>
/// The <c>naive</c> profile: Dexcom Follow as it behaved in the Nov 2019 Share outage.
/// <list type="bullet">
/// <item>One source: Dexcom Share. A configured Nightscout site is ignored.</item>
/// <item>Polls every 5 virtual minutes, fixed: no backoff, no jitter; always reads <c>minutes=1440&amp;maxCount=288</c>.</item>
/// <item>On any failure it drops the session and logs in again at the next poll (not at once).</item>
/// <item>Processes every reading it has not seen before (not just ones newer than the newest: a draining backlog
///   delivers old readings after fresh ones), oldest first, and pushes an alert for EVERY reading in an alert range:
///   no de-duplication and no check of the reading's age. When a backlog flushes after an outage this fires a burst
///   of alerts for hours-old readings — the 2019 failure.</item>
/// <item>No no-data alert at all: when Share goes silent, followers are not told.</item>
/// <item>Pushes: one attempt, no retry.</item>
/// </list>
/// On its very first successful read it takes only the newest reading (what Follow shows when it opens) rather than
/// 24 h of history, so starting to follow does not itself replay a day of alerts.
/// </summary>
internal sealed class NaiveFollower(FollowerContext context) : PatientFollower(context)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(5);
    public const int ReadMinutes = 1440;
    public const int ReadMaxCount = 288;

    public override async Task RunAsync(CancellationToken ct)
    {
        var clock = Context.Clock;
        string? session = null;
        var seen = new HashSet<DateTimeOffset>();
        Status.SetPolling(ReadingSources.DexcomShare, true);
        try
        {
            while (true)
            {
                try
                {
                    session ??= await Context.Share.LoginAsync(ct);
                    var readings = await Context.Share.ReadAsync(session, ReadMinutes, ReadMaxCount, ct);
                    Status.PollSucceeded(ReadingSources.DexcomShare, clock.GetUtcNow(), readings);
                    Context.Ingest.Received(readings);

                    var first = seen.Count == 0;
                    var unseen = readings.Where(r => seen.Add(r.SensorTime)).OrderBy(r => r.SensorTime).ToList();
                    var toProcess = first ? unseen.TakeLast(1).ToList() : unseen;
                    foreach (var reading in toProcess)
                    {
                        Status.Observe(reading);
                        Context.Ingest.Kept(reading);
                        // Every in-range reading alerts, however old it is, and again for the next one.
                        foreach (var kind in Context.Policy.ActiveFor(reading.Mgdl))
                        {
                            Context.Ingest.Alerted(reading, kind);
                            foreach (var message in ToEveryFollower(kind, reading))
                                await PushAsync(message, PushRetryPolicy.None);
                        }
                    }
                }
                catch (SourceException ex)
                {
                    session = null;
                    Status.PollFailed(ReadingSources.DexcomShare, clock.GetUtcNow(), ex.Message);
                    if (Context.Logger.IsEnabled(LogLevel.Information))
                        Context.Logger.LogInformation("naive: Share poll for {Patient} failed: {Error}", Context.Patient.Id, ex.Message);
                }

                await Task.Delay(PollInterval, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Status.SetPolling(ReadingSources.DexcomShare, false);
        }
    }
}
