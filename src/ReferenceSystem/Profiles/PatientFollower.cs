using ReferenceSystem.Alerts;
using ReferenceSystem.Follow;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Profiles;

/// <summary>
/// Everything one patient's follower needs; all time comes from <see cref="Clock"/>. <see cref="Ingest"/> records what
/// the follower did with each reading (for <c>GET /api/follow/ingest</c>); recording never changes what it does.
/// </summary>
internal sealed record FollowerContext(
    int PatientIndex,
    PatientSettings Patient,
    AlertPolicy Policy,
    long Seed,
    TimeProvider Clock,
    PushDispatcher Push,
    DexcomShareClient Share,
    NightscoutClient? Nightscout,
    ILogger Logger,
    IngestLedger Ingest);

/// <summary>Follows one patient for one follow job, the way its profile says.</summary>
internal abstract class PatientFollower(FollowerContext context)
{
    protected FollowerContext Context { get; } = context;

    public PatientStatus Status { get; } = new(context.Patient.Id);

    /// <summary>Polls until <paramref name="ct"/> is cancelled; never throws for vendor failures.</summary>
    public abstract Task RunAsync(CancellationToken ct);

    /// <summary>Stops timers; called when the job stops, after polling was cancelled.</summary>
    public virtual void Stop()
    {
    }

    /// <summary>The same alert to every follower of the patient, each its own message.</summary>
    protected IEnumerable<PushMessage> ToEveryFollower(AlertKind kind, Readings.GlucoseReading reading) =>
        Context.Patient.Followers.Select(f => new PushMessage(Context.Patient.Id, f, kind, reading));

    protected Task<bool> PushAsync(PushMessage message, PushRetryPolicy retry) =>
        Context.Push.SendAsync(message, retry, Status.PushFinished);
}
