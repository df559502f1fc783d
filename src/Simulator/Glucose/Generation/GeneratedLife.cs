using Scenarios.Model;
using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Generation;

/// <summary>What a UVA/Padova patient does during the run: meals, boluses, exercise, sleep, sensor changes.</summary>
public sealed record GeneratedLife(IReadOnlyList<Meal> Meals, IReadOnlyList<Exercise> Exercise, SleepWindow Sleep, TimeZoneInfo Zone,
    IReadOnlyList<TimeSpan> SensorSessionStarts)
{
    /// <summary>Day-to-day insulin sensitivity; none for <c>life: none</c>, whose listed meals should read exactly.</summary>
    public IReadOnlyList<SensitivityShift> Sensitivity { get; init; } = [];

    /// <summary>What the physiological model needs of this life, for one virtual patient.</summary>
    public PatientPlan PlanFor(VirtualPatient patient) => new(patient, Meals, Exercise) { Sensitivity = Sensitivity };

    /// <summary>
    /// A seeded everyday life for one named virtual patient (the cohort generator's life for one person of that age
    /// group), plus whatever the scenario lists. <c>life: none</c> keeps only the listed meals and exercise.
    /// </summary>
    public static GeneratedLife For(UvaPadovaTraceSpec spec, int seed, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var patient = VirtualPatients.Get(spec.Patient);
        var listedMeals = spec.Meals.Select(m => new Meal(start + m.Offset, m.Grams, m.Bolused) { Duration = m.Duration });
        var listedExercise = spec.Exercise.Select(e => new Exercise(start + e.Offset, e.Duration, Intensity(e.Intensity)));
        if (spec.Life == DailyLife.None)
            return new GeneratedLife([.. listedMeals.OrderBy(m => m.At)], [.. listedExercise.OrderBy(e => e.At)], SleepWindow.Default,
                TimeZoneInfo.Utc, []);

        var member = CohortGenerator.Generate(CohortRequest.AllOf(patient.AgeGroup, 1, seed), start, duration).Members[0];
        return FromMember(member) with
        {
            Meals = [.. member.Meals.Concat(listedMeals).OrderBy(m => m.At)],
            Exercise = [.. member.Exercise.Concat(listedExercise).OrderBy(e => e.At)],
        };
    }

    public static GeneratedLife FromMember(CohortMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new GeneratedLife(member.Meals, member.Exercise, member.Sleep, TimeZoneInfo.FindSystemTimeZoneById(member.Person.TimeZoneId),
            member.SensorSessionStarts) { Sensitivity = member.Sensitivity };
    }

    /// <summary>Asleep at an instant, in the person's own time zone (compression lows happen at night).</summary>
    /// <remarks>
    /// The sensor asks at every reading, millions of times in a large cohort, and a time-zone conversion costs more
    /// than the reading itself; the zone's offset is kept for the quarter hour it was looked up in (offsets only change
    /// on quarter hours).
    /// </remarks>
    public bool IsAsleep(DateTimeOffset at)
    {
        var quarter = at.UtcTicks - (at.UtcTicks % QuarterHour);
        var cached = _offset;
        if (cached is null || cached.Quarter != quarter)
            _offset = cached = new ZoneOffset(quarter, Zone.GetUtcOffset(at));
        return Sleep.Contains(TimeOnly.FromDateTime(at.UtcDateTime + cached.Offset));
    }

    private const long QuarterHour = TimeSpan.TicksPerMinute * 15;
    private ZoneOffset? _offset;

    private sealed record ZoneOffset(long Quarter, TimeSpan Offset);

    private static ExerciseIntensity Intensity(string name) => name switch
    {
        "light" => ExerciseIntensity.Light,
        "vigorous" => ExerciseIntensity.Vigorous,
        _ => ExerciseIntensity.Moderate,
    };
}
