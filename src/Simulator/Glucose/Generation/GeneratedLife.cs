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

    /// <summary>
    /// Whether the person is asleep at an instant, in their own time zone (compression lows happen at night), for one
    /// sensor. A sensor asks at every reading, millions of times in a large cohort, where a time-zone conversion costs
    /// more than the reading itself, so the check keeps the zone's offset for the quarter hour it last looked up
    /// (offsets only change on quarter hours). One check per sensor; not for sharing between threads.
    /// </summary>
    public Func<DateTimeOffset, bool> SleepCheck()
    {
        const long QuarterHour = TimeSpan.TicksPerMinute * 15;
        var quarter = long.MinValue;
        var offset = TimeSpan.Zero;
        return at =>
        {
            var q = at.UtcTicks - (at.UtcTicks % QuarterHour);
            if (q != quarter)
                (quarter, offset) = (q, Zone.GetUtcOffset(at));
            return Sleep.Contains(TimeOnly.FromDateTime(at.UtcDateTime + offset));
        };
    }

    private static ExerciseIntensity Intensity(string name) => name switch
    {
        "light" => ExerciseIntensity.Light,
        "vigorous" => ExerciseIntensity.Vigorous,
        _ => ExerciseIntensity.Moderate,
    };
}
