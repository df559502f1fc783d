namespace Simulator.Glucose.Physiology;

/// <summary>
/// A meal: <see cref="Grams"/> of carbohydrate starting at <see cref="At"/>, eaten at 5 g/min (simglucose's
/// EAT_RATE) unless <see cref="Duration"/> says otherwise. <see cref="Bolused"/> false is a missed bolus.
/// </summary>
public sealed record Meal(DateTimeOffset At, double Grams, bool Bolused = true)
{
    public const double EatRateGramsPerMinute = 5;

    /// <summary>How long the meal takes to eat; null means Grams / 5 g/min, at least one minute.</summary>
    public TimeSpan? Duration { get; init; }

    public TimeSpan EatingTime => Duration ?? TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(Grams / EatRateGramsPerMinute)));

    /// <summary>
    /// The carbohydrate the person counted and dosed for; null means exactly <see cref="Grams"/>. Adults with type 1
    /// diabetes misjudge a meal's carbohydrate by about 20 % on average (Brazeau 2013, Eur J Clin Nutr 67:1014).
    /// </summary>
    public double? CountedGrams { get; init; }

    /// <summary>When the bolus goes in, after the meal starts (zero: with the first bite). Late boluses are common.</summary>
    public TimeSpan BolusDelay { get; init; }
}

/// <summary>
/// From <see cref="From"/> on, the body takes up glucose <see cref="UptakeChange"/> more (or less, when negative)
/// than the model's fixed parameters say: the day-to-day swing of insulin sensitivity the 2008 model lacks
/// (stress, illness, hormones, sleep). 0 is the virtual patient's own sensitivity.
/// </summary>
public sealed record SensitivityShift(DateTimeOffset From, double UptakeChange);

public enum ExerciseIntensity
{
    Light,
    Moderate,
    Vigorous,
}

/// <summary>A bout of physical activity (the 2008 model has none; the physiology adds it as extra uptake).</summary>
public sealed record Exercise(DateTimeOffset At, TimeSpan Duration, ExerciseIntensity Intensity);

/// <summary>When a person sleeps, as local wall-clock times (overnight when Bedtime is after WakeUp).</summary>
public sealed record SleepWindow(TimeOnly Bedtime, TimeOnly WakeUp)
{
    public static readonly SleepWindow Default = new(new TimeOnly(23, 0), new TimeOnly(7, 0));

    public bool Contains(TimeOnly local) => Bedtime <= WakeUp
        ? local >= Bedtime && local < WakeUp
        : local >= Bedtime || local < WakeUp;
}
