namespace Scenarios.Model;

/// <summary>
/// A recorded trace (Dexcom Clarity CSV export or Nightscout <c>entries.json</c>) moved so that its first reading
/// falls at the scenario's start, with every interval and gap kept.
/// </summary>
public sealed record ReplayTraceSpec : TraceSpec
{
    public override string Source => "replay";
    /// <summary>Absolute path (a relative path in the file is resolved against the scenario file's folder).</summary>
    public required string File { get; init; }
    /// <summary><c>clarity</c> or <c>nightscout</c>; null: chosen from the file's extension and content.</summary>
    public string? Format { get; init; }
    /// <summary>IANA zone of a Clarity export's local timestamps (Clarity writes no offset).</summary>
    public string? TimeZone { get; init; }
}
