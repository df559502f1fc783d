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
    public DateTimeOffset? End => Start is { } s && Duration is { } d ? TimeValues.Add(s, d) : null;

    /// <summary>Vendors in play, only when the <c>vendors</c> list was read without problems.</summary>
    public IReadOnlyList<string>? Vendors { get; set; }
    /// <summary>The system under test, once read (null when it could not be).</summary>
    public SutBinding? Sut { get; set; }
    /// <summary>True when the built-in ReferenceSystem is under test, whose follow sources and push channel are fixed.</summary>
    public bool BuiltinSut => Sut is Model.BuiltinSut;

    public static IReadOnlyList<string> KnownVendors { get; } = [.. VendorIds.DataVendors, .. VendorIds.PushVendors];

    public bool InPlay(string vendor) => Vendors is null || Vendors.Contains(vendor, StringComparer.Ordinal);

    /// <summary>An instant or offset as an offset from the start (null when the start is unknown).</summary>
    public TimeSpan? OffsetOf(TimeRef time) => time.Offset ?? (Start is { } s ? time.Absolute - s : null);

    /// <summary>The instant, or null when the start is unknown or an offset reaches past 9999-12-31 (see <see cref="Unreachable"/>).</summary>
    public DateTimeOffset? Resolve(TimeRef time) => time.Absolute ?? (Start is { } s ? TimeValues.Add(s, time.Offset.GetValueOrDefault()) : null);

    /// <summary>True when the start is known but the offset lands past the last instant the harness can represent.</summary>
    public bool Unreachable(TimeRef time) => Start is not null && Resolve(time) is null;

    /// <summary>"4166666d15h after the start lands past 9999-12-31 ..." for an offset <see cref="Resolve"/> cannot place.</summary>
    public string BeyondRun(TimeSpan offset) =>
        $"{HumanDuration.Format(offset)} after the start lands past 9999-12-31, the last date the harness can represent, far outside {RunWindow()}; give a time within the run";

    /// <summary>"the run (2019-11-29T22:00:00-05:00 to 2019-12-03T04:00:00-05:00)"</summary>
    public string RunWindow() =>
        Start is { } s && End is { } e ? $"the run ({TimeValues.Format(s)} to {TimeValues.Format(e)})" : "the run";
}
