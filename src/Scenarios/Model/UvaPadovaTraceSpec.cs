namespace Scenarios.Model;

/// <summary>
/// Glucose from the UVA/Padova type 1 model for one of the 30 virtual patients (e.g. <c>adult#001</c>), driven
/// by a seeded daily life (meals, boluses, exercise) and any meals or exercise the scenario lists.
/// </summary>
public sealed record UvaPadovaTraceSpec : TraceSpec
{
    public override string Source => "uva-padova";
    public required string Patient { get; init; }
    /// <summary><c>generated</c>: a seeded everyday life is added; <c>none</c>: only what is listed here (basal insulin always runs).</summary>
    public DailyLife Life { get; init; } = DailyLife.Generated;
    public IReadOnlyList<MealSpec> Meals { get; init; } = [];
    public IReadOnlyList<ExerciseSpec> Exercise { get; init; } = [];
}

public enum DailyLife
{
    Generated,
    None,
}

/// <summary>A meal at an offset from the start; <c>Bolused</c> false is a missed bolus.</summary>
public sealed record MealSpec(TimeSpan Offset, double Grams, bool Bolused = true, TimeSpan? Duration = null);

/// <summary>Exercise at an offset from the start; intensity is <c>light</c>, <c>moderate</c> or <c>vigorous</c>.</summary>
public sealed record ExerciseSpec(TimeSpan Offset, TimeSpan Duration, string Intensity);
