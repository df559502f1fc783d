using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>Reads the top level of a scenario document and hands each section to its own parser.</summary>
internal static partial class ScenarioParser
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "version", "name", "title", "description", "source", "start", "duration", "speed", "seed",
        "vendors", "patients", "cohort", "sut", "policy", "faults", "slo", "scoring", "narrative",
    ];

    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);
    public const double MaxSpeed = 100_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static Scenario? Parse(YamlNode root, string origin, Diagnostics d)
    {
        if (root is not YamlMappingNode rootMap)
        {
            d.Add(root, "", $"a scenario file must be a mapping of keys (name, title, start, duration, vendors, patients, ...), found {Yaml.Describe(root)}");
            return null;
        }
        var ctx = new ParseContext(d) { BaseDirectory = BaseDirectoryOf(origin) };
        var m = new MapReader(rootMap, "", d);
        m.CheckKeys(Keys);

        ReadVersion(m);
        var name = ReadName(m);
        var title = ReadTitle(m);
        var description = NullIfBlank(m.Text("description", false, ""));
        var source = NullIfBlank(m.Text("source", false, ""));
        ctx.Start = ReadStart(m);
        ctx.Duration = ReadDuration(m);
        if (ctx.Start is { } runStart && ctx.Duration is { } runLength && ctx.End is null)
        {
            m.Error("duration", $"a run of {HumanDuration.Format(runLength)} from {TimeValues.Format(runStart)} would end past 9999-12-31, the last date the harness can represent; start the run earlier");
            ctx.Duration = null;
        }
        var speed = ReadSpeed(m);
        var seed = ReadSeed(m);
        var vendors = VendorsParser.Parse(m, ctx);
        // Before the patients: what the built-in system can follow and notify through limits what they may name.
        var sut = ctx.Sut = SutParser.Parse(m, ctx);
        var cohort = CohortParser.Parse(m, ctx);
        var patients = PatientsParser.Parse(m, ctx, cohortGiven: m.Has("cohort"));
        var policy = PolicyParser.Parse(m, ctx);
        var faults = FaultsParser.Parse(m, ctx);
        var slos = SloParser.Parse(m, ctx);
        var scoring = ScoringParser.Parse(m, ctx);
        var narrative = NarrativeParser.Parse(m, ctx);

        if (d.HasErrors || name is null || title is null || ctx.Start is null || ctx.Duration is null || vendors is null
            || patients is null || sut is null || policy is null || faults is null || slos is null || scoring is null || narrative is null)
            return null;

        return new Scenario
        {
            Name = name,
            Title = title,
            Description = description,
            Source = source,
            Origin = origin,
            Start = ctx.Start.Value,
            Duration = ctx.Duration.Value,
            Speed = speed,
            Seed = seed,
            Vendors = vendors,
            Patients = patients,
            Cohort = cohort,
            Sut = sut,
            Policy = policy,
            Faults = faults,
            Slos = slos,
            Scoring = scoring,
            Narrative = narrative,
        };
    }

    /// <summary>A file's folder; for built-in scenarios (<c>catalog:NAME</c>) and text, the current folder.</summary>
    private static string BaseDirectoryOf(string origin)
    {
        if (origin.StartsWith(ScenarioOrigins.CatalogPrefix, StringComparison.Ordinal))
            return Environment.CurrentDirectory;
        try
        {
            return Path.GetDirectoryName(Path.GetFullPath(origin)) ?? Environment.CurrentDirectory;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Environment.CurrentDirectory;
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void ReadVersion(MapReader m)
    {
        var text = m.Text("version", false, "");
        if (text is not null && text.Trim() != "1")
            m.Error("version", $"format version '{Yaml.Show(text)}' is not supported; this harness reads version 1 (or leave 'version' out)");
    }

    private static string? ReadName(MapReader m)
    {
        var name = m.Text("name", true, "name: dexcom-share-2019");
        if (name is not null && !NamePattern().IsMatch(name))
        {
            m.Error("name", $"'{Yaml.Show(name)}' is not a valid name; use lowercase letters, digits and dashes, starting with a letter or digit, e.g. dexcom-share-2019");
            return null;
        }
        return name;
    }

    private static string? ReadTitle(MapReader m)
    {
        var title = m.Text("title", true, "title: Dexcom Share outage, Nov 2019");
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            m.Error("title", "the title is blank; write a short human-readable title");
            return null;
        }
        return title;
    }

    private static DateTimeOffset? ReadStart(MapReader m)
    {
        var node = m.Required("start", $"start: {TimeValues.InstantExample}");
        if (node is null)
            return null;
        var text = Yaml.Text(node, "start", m.Diagnostics, $"an instant such as {TimeValues.InstantExample}");
        if (text is null)
            return null;
        if (TimeValues.TryParseInstant(text, out var start, out var error))
            return start;
        m.Diagnostics.Add(node, "start", error);
        return null;
    }

    private static TimeSpan? ReadDuration(MapReader m)
    {
        var duration = m.Duration("duration", true, "duration: 78h");
        if (duration is null)
            return null;
        if (duration <= TimeSpan.Zero)
        {
            m.Error("duration", "the run must last longer than 0; write e.g. duration: 6h");
            return null;
        }
        if (duration > MaxDuration)
        {
            m.Error("duration", $"{HumanDuration.Format(duration.Value)} is longer than the 30d maximum; shorten the run");
            return null;
        }
        return duration;
    }

    private static double ReadSpeed(MapReader m)
    {
        var speed = m.Number("speed", false, "");
        if (speed is null)
            return 1;
        if (speed <= 0 || speed > MaxSpeed)
            m.Error("speed", $"speed must be more than 0 and at most 100000 (virtual seconds per real second), not {speed.Value.ToString(CultureInfo.InvariantCulture)}");
        return speed.Value;
    }

    private static int ReadSeed(MapReader m)
    {
        var text = m.Text("seed", false, "");
        if (text is null)
            return 1;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            return seed;
        m.Error("seed", $"'{Yaml.Show(text)}' is not a whole number between -2147483648 and 2147483647; write e.g. seed: 20191130");
        return 1;
    }
}
