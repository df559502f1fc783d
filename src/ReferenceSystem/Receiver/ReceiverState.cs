namespace ReferenceSystem.Receiver;

/// <summary>GET /api/receiver/state while a receiver runs.</summary>
internal sealed record ReceiverJobState(
    string Status,
    string Now,
    double ClockSpeed,
    LinkState Link,
    IReadOnlyList<TransmitterState> Transmitters);

internal sealed record LinkState(string Endpoint, bool Connected, long Connects, long FramesIn, long FramesOut);

/// <summary>
/// One transmitter. <c>WindowsConnected</c>: windows that reached GlucoseRx and ended cleanly; <c>WindowsFailed</c>:
/// windows that started (advertisement seen) but timed out, lost the link or failed auth; <c>WindowsMissed</c>:
/// 5-minute wake-ups between two live readings that brought no live reading (out of range, lost or failed windows).
/// </summary>
internal sealed record TransmitterState(
    string Patient,
    int LinkId,
    string TransmitterId,
    bool InWindow,
    long WindowsConnected,
    long WindowsFailed,
    long WindowsMissed,
    long AuthFailures,
    long StepRetries,
    string? LastWindowError,
    ReadingState? LastReading,
    int ReadingsKept,
    long LiveReadings,
    long BackfilledReadings,
    long BackfillRequests,
    IReadOnlyDictionary<string, UploadQueueState> Uploads,
    IReadOnlyList<RaisedAlarm> Alarms);

internal sealed record ReadingState(string SensorTime, int Mgdl, string? Direction, bool Backfilled);

internal sealed record RaisedAlarm(string Alert, string ReadingAt, string RaisedAt);
