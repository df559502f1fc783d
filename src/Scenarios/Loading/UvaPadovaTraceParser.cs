using System.Globalization;
using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary>
/// <c>trace: { source: uva-padova, patient: adult#001, life: generated, meals: [{ at: 7h, grams: 45 }],
/// exercise: [{ at: 16h, for: 45m, intensity: moderate }] }</c>
/// </summary>
internal static class UvaPadovaTraceParser
{
    public static readonly IReadOnlyList<string> Keys = ["source", "patient", "life", "meals", "exercise"];
    public static readonly IReadOnlyList<string> MealKeys = ["at", "grams", "bolus", "duration"];
    public static readonly IReadOnlyList<string> ExerciseKeys = ["at", "for", "intensity"];
    public static readonly IReadOnlyList<string> Lives = ["generated", "none"];
    public static readonly IReadOnlyList<string> Boluses = ["given", "missed"];
    public static readonly IReadOnlyList<string> Intensities = ["light", "moderate", "vigorous"];
    public const double MaxMealGrams = 300;

    /// <summary>The 30 virtual patients of the UVA/Padova population as simglucose names them.</summary>
    public static readonly IReadOnlyList<string> Patients =
        [.. new[] { "adolescent", "adult", "child" }.SelectMany(g => Enumerable.Range(1, 10).Select(i => $"{g}#{i:000}"))];

    public static UvaPadovaTraceSpec? Parse(MapReader m, ParseContext ctx)
    {
        var d = m.Diagnostics;
        var before = d.Count;
        m.CheckKeys(Keys);
        var patient = m.Text("patient", true, "patient: adult#001");
        if (patient is not null && !Patients.Contains(patient, StringComparer.Ordinal))
            m.Error("patient", Suggest.Unknown("virtual patient", patient, Patients, "the 30 patients are adolescent#001..010, adult#001..010, child#001..010; for example"));
        var lifeText = m.Text("life", false, "");
        if (lifeText is not null && !Lives.Contains(lifeText, StringComparer.Ordinal))
            m.Error("life", Suggest.Unknown("daily life", lifeText, Lives, "write"));
        var meals = Items(m, "meals", "[{ at: 7h, grams: 45 }]", (r, f) => Meal(r, f, ctx));
        var exercise = Items(m, "exercise", "[{ at: 16h, for: 45m, intensity: moderate }]", (r, f) => Exercise(r, f, ctx));
        if (d.Count != before || patient is null || meals is null || exercise is null)
            return null;
        return new UvaPadovaTraceSpec
        {
            Patient = patient,
            Life = lifeText == "none" ? DailyLife.None : DailyLife.Generated,
            Meals = meals,
            Exercise = exercise,
        };
    }

    private static List<T>? Items<T>(MapReader m, string key, string example, Func<MapReader, string, T?> parse) where T : class
    {
        var node = m.Optional(key);
        if (node is null)
            return [];
        var field = m.Field(key);
        var list = Yaml.List(node, field, m.Diagnostics, example);
        if (list is null)
            return null;
        var items = new List<T>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var map = Yaml.Map(list.Children[i], itemField, m.Diagnostics, example.Trim('[', ']'));
            if (map is not null && parse(new MapReader(map, itemField, m.Diagnostics), itemField) is { } item)
                items.Add(item);
        }
        return items;
    }

    private static MealSpec? Meal(MapReader r, string field, ParseContext ctx)
    {
        var before = r.Diagnostics.Count;
        r.CheckKeys(MealKeys);
        var offset = Offset(r, ctx);
        var grams = r.Number("grams", true, "grams: 45");
        if (grams is { } g && (g <= 0 || g > MaxMealGrams))
            r.Error("grams", $"{g.ToString(CultureInfo.InvariantCulture)} g of carbohydrate is outside 1..{MaxMealGrams.ToString(CultureInfo.InvariantCulture)}; write the meal's carbohydrate in grams");
        var bolus = r.Text("bolus", false, "");
        if (bolus is not null && !Boluses.Contains(bolus, StringComparer.Ordinal))
            r.Error("bolus", Suggest.Unknown("bolus", bolus, Boluses, "write"));
        var duration = r.Duration("duration", false, "");
        if (duration is { } dd && (dd < TimeSpan.FromMinutes(1) || dd > TimeSpan.FromHours(3)))
            r.Error("duration", $"a meal eaten over {HumanDuration.Format(dd)} is outside 1m..3h");
        return r.Diagnostics.Count == before && offset is { } o && grams is { } gg
            ? new MealSpec(o, gg, bolus != "missed", duration)
            : null;
    }

    private static ExerciseSpec? Exercise(MapReader r, string field, ParseContext ctx)
    {
        var before = r.Diagnostics.Count;
        r.CheckKeys(ExerciseKeys);
        var offset = Offset(r, ctx);
        var length = r.Duration("for", true, "for: 45m");
        if (length is { } l && (l < TimeSpan.FromMinutes(5) || l > TimeSpan.FromHours(6)))
            r.Error("for", $"exercise lasting {HumanDuration.Format(l)} is outside 5m..6h");
        var intensity = r.Text("intensity", false, "") ?? "moderate";
        if (!Intensities.Contains(intensity, StringComparer.Ordinal))
            r.Error("intensity", Suggest.Unknown("intensity", intensity, Intensities, "write"));
        return r.Diagnostics.Count == before && offset is { } o && length is { } ll ? new ExerciseSpec(o, ll, intensity) : null;
    }

    private static TimeSpan? Offset(MapReader r, ParseContext ctx)
    {
        if (r.Time("at", true, "at: 7h") is not { } time || ctx.OffsetOf(time) is not { } offset)
            return null;
        if (offset < TimeSpan.Zero || (ctx.Duration is { } duration && offset >= duration))
        {
            r.Error("at", $"this is outside {ctx.RunWindow()}; give a time within the run");
            return null;
        }
        return offset;
    }
}
