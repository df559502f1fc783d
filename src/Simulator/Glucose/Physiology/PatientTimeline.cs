namespace Simulator.Glucose.Physiology;

/// <summary>
/// A <see cref="PatientPlan"/> compiled to minute-indexed input changes relative to the cohort start, plus the
/// constants the bolus decision needs. Times are floored to the minute; a meal lasts round(EatingTime) minutes
/// (at least one) at Grams / minutes per minute. Anything before the start is clipped: a meal already under way
/// is eaten for its remaining minutes without a bolus, a bout already under way runs for its remaining minutes.
/// </summary>
internal sealed class PatientTimeline
{
    private PatientTimeline(InputEvent[] events, VirtualPatient patient)
    {
        Events = events;
        CarbRatio = patient.CarbRatio;
        CorrectionFactor = patient.CorrectionFactor;
        BodyWeightKg = patient.Parameters.BW;
        Vg = patient.Parameters.Vg;
    }

    public InputEvent[] Events { get; }
    public double CarbRatio { get; }
    public double CorrectionFactor { get; }
    public double BodyWeightKg { get; }
    public double Vg { get; }

    public int FirstEventMinute => Events.Length > 0 ? Events[0].Minute : int.MaxValue;

    public static PatientTimeline Compile(PatientPlan plan, DateTimeOffset start)
    {
        var events = new List<InputEvent>();
        foreach (var meal in plan.Meals)
        {
            if (meal.Grams <= 0) continue;
            var begin = MinuteOf(meal.At, start);
            var minutes = Math.Max(1, (int)Math.Round(meal.EatingTime.TotalMinutes, MidpointRounding.AwayFromZero));
            var end = begin + minutes;
            if (end <= 0) continue;
            var rate = meal.Grams / minutes;
            var started = begin >= 0;
            var counted = meal.CountedGrams ?? meal.Grams;
            var delay = Math.Max(0, (int)Math.Round(meal.BolusDelay.TotalMinutes, MidpointRounding.AwayFromZero));
            events.Add(new InputEvent(Math.Max(0, begin), InputEventKind.MealStart, rate, counted, started && meal.Bolused && delay == 0));
            events.Add(new InputEvent(end, InputEventKind.MealEnd, rate));
            if (started && meal.Bolused && delay > 0)
                events.Add(new InputEvent(begin + delay, InputEventKind.Bolus, Grams: counted, Bolused: true));
        }
        foreach (var bout in plan.Exercise)
        {
            var begin = MinuteOf(bout.At, start);
            var minutes = Math.Max(1, (int)Math.Round(bout.Duration.TotalMinutes, MidpointRounding.AwayFromZero));
            var end = begin + minutes;
            if (end <= 0) continue;
            var uptake = ExerciseEffect.BoutUptake(bout.Intensity);
            var fsnc = ExerciseEffect.BoutFsnc(bout.Intensity);
            events.Add(new InputEvent(Math.Max(0, begin), InputEventKind.ExerciseStart, Uptake: uptake, Fsnc: fsnc));
            events.Add(new InputEvent(end, InputEventKind.ExerciseEnd, Uptake: uptake, Fsnc: fsnc,
                TailAmplitude: ExerciseEffect.TailAmplitude(bout.Intensity, TimeSpan.FromMinutes(minutes))));
        }
        foreach (var shift in plan.Sensitivity)
            events.Add(new InputEvent(Math.Max(0, MinuteOf(shift.From, start)), InputEventKind.SensitivityChange, Uptake: shift.UptakeChange));
        // Stable order: by minute, then endings before beginnings, then plan order.
        var ordered = events.Select((e, i) => (e, i)).OrderBy(t => t.e.Minute).ThenBy(t => t.e.Kind).ThenBy(t => t.i);
        return new PatientTimeline([.. ordered.Select(t => t.e)], plan.Patient);
    }

    private static int MinuteOf(DateTimeOffset at, DateTimeOffset start)
    {
        var ticks = (at - start).Ticks;
        var minutes = Math.Floor((double)ticks / TimeSpan.TicksPerMinute);
        return (int)Math.Clamp(minutes, int.MinValue / 2, int.MaxValue / 2);
    }
}
