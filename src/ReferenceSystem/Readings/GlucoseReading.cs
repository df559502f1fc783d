namespace ReferenceSystem.Readings;

internal static class ReadingSources
{
    public const string DexcomShare = "dexcom-share";
    public const string Nightscout = "nightscout";
}

/// <summary>
/// One CGM reading as a follower sees it. <paramref name="SensorTime"/> is the reading's own time (Share <c>WT</c>,
/// Nightscout <c>date</c>), which is also the merge key. <paramref name="DisplayOffset"/> is the sharer's UTC offset
/// when the vendor reports it (Share <c>DT</c>).
/// </summary>
internal sealed record GlucoseReading(DateTimeOffset SensorTime, int Mgdl, string Source, string? Trend = null, TimeSpan? DisplayOffset = null)
{
    /// <summary>ISO-8601 UTC with milliseconds, e.g. <c>2019-11-30T08:22:00.000Z</c>.</summary>
    public string SensorTimeIso => FormatInstant(SensorTime);

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
