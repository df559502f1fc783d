using System.Globalization;
using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary>
/// <c>cohort: { adults: 60, adolescents: 20, children: 20, followers: 1..3, sensor: { kind: g7 }, uploads: [...], follow: [...] }</c>
/// </summary>
internal static class CohortParser
{
    public static readonly IReadOnlyList<string> Keys = ["adults", "adolescents", "children", "followers", "sensor", "uploads", "follow"];
    public const int MaxPatients = 100_000;
    public const int MaxFollowersEach = 10;

    public static CohortSpec? Parse(MapReader root, ParseContext ctx)
    {
        var node = root.Optional("cohort");
        if (node is null)
            return null;
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, "cohort", d, "{ adults: 10, children: 5 }");
        if (map is null)
            return null;
        var before = d.Count;
        var m = new MapReader(map, "cohort", d);
        m.CheckKeys(Keys);
        var adults = Count(m, "adults");
        var adolescents = Count(m, "adolescents");
        var children = Count(m, "children");
        var total = adults + adolescents + children;
        if (d.Count == before && total == 0)
            d.Add(map, "cohort", "the cohort has no patients; give at least one of adults, adolescents or children, e.g. adults: 10");
        if (total > MaxPatients)
            d.Add(map, "cohort", $"{total.ToString(CultureInfo.InvariantCulture)} patients is more than the {MaxPatients.ToString(CultureInfo.InvariantCulture)} one run can hold; split the population into shards");
        var (minFollowers, maxFollowers) = Followers(m);
        var sensorNode = m.Optional("sensor");
        var sensor = sensorNode is null ? null : SensorParser.Parse(sensorNode, m.Field("sensor"), ctx);
        var (uploads, follow) = PatientsParser.ParseSources(m, ctx, map, "cohort");
        if (d.Count != before || uploads is null || follow is null)
            return null;
        return new CohortSpec
        {
            Adults = adults,
            Adolescents = adolescents,
            Children = children,
            MinFollowers = minFollowers,
            MaxFollowers = maxFollowers,
            Sensor = sensor,
            UploadsTo = uploads,
            FollowVia = follow,
        };
    }

    private static int Count(MapReader m, string key)
    {
        if (m.Number(key, false, "") is not { } n)
            return 0;
        if (n < 0 || n != Math.Floor(n) || n > MaxPatients)
        {
            m.Error(key, $"{n.ToString(CultureInfo.InvariantCulture)} is not a number of patients; write a whole number from 0 to {MaxPatients.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        }
        return (int)n;
    }

    /// <summary><c>followers: 2</c> or <c>followers: 1..3</c> (each patient gets a seeded number in the range).</summary>
    private static (int Min, int Max) Followers(MapReader m)
    {
        var text = m.Text("followers", false, "");
        if (text is null)
            return (1, 3);
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min >= 1 && min <= max && max <= MaxFollowersEach)
            return (min, max);
        m.Error("followers", $"'{Yaml.Show(text)}' is not a follower count; write a number or a range from 1 to {MaxFollowersEach}, e.g. followers: 1..3");
        return (1, 3);
    }
}
