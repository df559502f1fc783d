using ReferenceSystem.Readings;

namespace ReferenceSystem.Profiles;

internal sealed record ReadingState(string SensorTime, int Mgdl, string Source, string? Trend)
{
    public static ReadingState? Of(GlucoseReading? reading) =>
        reading is null ? null : new(reading.SensorTimeIso, reading.Mgdl, reading.Source, reading.Trend);
}

internal sealed record SourceState(
    bool Polling,
    string? LastSuccess,
    string? LastError,
    string? LastErrorAt,
    int ConsecutiveFailures,
    long Polls,
    ReadingState? NewestReading);

internal sealed record PatientState(
    string Id,
    ReadingState? NewestReading,
    IReadOnlyDictionary<string, SourceState> Sources,
    long PushesSent,
    long PushesFailed);

/// <summary>What a follower knows about one patient, for <c>GET /api/follow/state</c> (humans and debugging).</summary>
internal sealed class PatientStatus(string patientId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SourceRecord> _sources = new(StringComparer.Ordinal);
    private GlucoseReading? _newest;
    private long _pushesSent;
    private long _pushesFailed;

    public string PatientId { get; } = patientId;

    public void Observe(GlucoseReading reading)
    {
        lock (_gate)
        {
            if (_newest is null || reading.SensorTime > _newest.SensorTime)
                _newest = reading;
        }
    }

    public void SetPolling(string source, bool polling)
    {
        lock (_gate)
            Source(source).Polling = polling;
    }

    public void PollSucceeded(string source, DateTimeOffset at, IReadOnlyList<GlucoseReading> readings)
    {
        lock (_gate)
        {
            var record = Source(source);
            record.Polls++;
            record.LastSuccess = at;
            record.ConsecutiveFailures = 0;
            foreach (var reading in readings)
            {
                if (record.Newest is null || reading.SensorTime > record.Newest.SensorTime)
                    record.Newest = reading;
            }
        }
    }

    public void PollFailed(string source, DateTimeOffset at, string error)
    {
        lock (_gate)
        {
            var record = Source(source);
            record.Polls++;
            record.LastError = error;
            record.LastErrorAt = at;
            record.ConsecutiveFailures++;
        }
    }

    public void PushFinished(bool delivered)
    {
        if (delivered)
            Interlocked.Increment(ref _pushesSent);
        else
            Interlocked.Increment(ref _pushesFailed);
    }

    public PatientState Snapshot()
    {
        lock (_gate)
        {
            return new PatientState(
                PatientId,
                ReadingState.Of(_newest),
                _sources.ToDictionary(kv => kv.Key, kv => kv.Value.ToState(), StringComparer.Ordinal),
                Interlocked.Read(ref _pushesSent),
                Interlocked.Read(ref _pushesFailed));
        }
    }

    private SourceRecord Source(string source)
    {
        if (!_sources.TryGetValue(source, out var record))
            _sources[source] = record = new SourceRecord();
        return record;
    }

    private sealed class SourceRecord
    {
        public bool Polling { get; set; }
        public DateTimeOffset? LastSuccess { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? LastErrorAt { get; set; }
        public int ConsecutiveFailures { get; set; }
        public long Polls { get; set; }
        public GlucoseReading? Newest { get; set; }

        public SourceState ToState() => new(
            Polling,
            LastSuccess is { } s ? GlucoseReading.FormatInstant(s) : null,
            LastError,
            LastErrorAt is { } e ? GlucoseReading.FormatInstant(e) : null,
            ConsecutiveFailures,
            Polls,
            ReadingState.Of(Newest));
    }
}
