using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary>What later sections need from earlier ones. Null means "unknown because of an error already reported":
/// checks that depend on it are skipped so one mistake doesn't cascade into many.</summary>
internal sealed class ParseContext(Diagnostics diagnostics)
{
    public Diagnostics Diagnostics { get; } = diagnostics;
    /// <summary>Folder that relative file paths in the scenario (replay traces) are resolved against.</summary>
    public string BaseDirectory { get; set; } = Environment.CurrentDirectory;
    public DateTimeOffset? Start { get; set; }
    public TimeSpan? Duration { get; set; }
    public DateTimeOffset? End => Start is { } s && Duration is { } d ? s + d : null;

    /// <summary>Vendors in play, only when the <c>vendors</c> list was read without problems.</summary>
    public IReadOnlyList<string>? Vendors { get; set; }

    public static IReadOnlyList<string> KnownVendors { get; } = [.. VendorIds.DataVendors, .. VendorIds.PushVendors];

    public bool InPlay(string vendor) => Vendors is null || Vendors.Contains(vendor, StringComparer.Ordinal);

    /// <summary>An instant or offset as an offset from the start (null when the start is unknown).</summary>
    public TimeSpan? OffsetOf(TimeRef time) => time.Offset ?? (Start is { } s ? time.Absolute - s : null);

    public DateTimeOffset? Resolve(TimeRef time) => time.Absolute ?? (Start is { } s ? time.Resolve(s) : null);

    /// <summary>"the run (2019-11-29T22:00:00-05:00 to 2019-12-03T04:00:00-05:00)"</summary>
    public string RunWindow() =>
        Start is { } s && End is { } e ? $"the run ({TimeValues.Format(s)} to {TimeValues.Format(e)})" : "the run";
}
