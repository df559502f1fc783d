namespace Simulator.Glucose.Physiology;

/// <summary>
/// One patient's inputs for the current minute and the bookkeeping that produces them from its
/// <see cref="PatientTimeline"/>. Event handling (<see cref="ApplyEvents"/>) is scalar and rare; the per-minute
/// updates (<see cref="BeginMinute"/>, <see cref="EndMinute"/>) are repeated lane-wise by the vector kernel
/// with the same arithmetic, so the scalar reference and the cohort agree.
/// </summary>
internal struct PatientInputState
{
    /// <summary>Carbohydrate being eaten, g/min (the simglucose CHO input).</summary>
    public double CarbsGramsPerMinute;

    /// <summary>Bolus infusion for this minute only, pmol/kg/min (a bolus of B units is B/1 U/min, spec 1.2).</summary>
    public double BolusPmolPerKgPerMinute;

    /// <summary>Gastric-emptying anchor D̄, mg (spec 1.3, 1.6).</summary>
    public double DbarMg;

    public double BoutUptake;
    public double BoutFsnc;
    public double Tail;
    /// <summary>Today's change of glucose uptake (a <see cref="SensitivityShift"/>), added to the uptake scale.</summary>
    public double Sensitivity;

    // Running totals since the cohort start, for callers that report what was delivered.
    public double EatenGrams;
    public double InsulinUnits;
    public double BolusUnits;

    public int ActiveMeals;
    public int ActiveBouts;
    public int Cursor;
    public int NextEventMinute;

    public static PatientInputState Start(PatientTimeline timeline) => new() { NextEventMinute = timeline.FirstEventMinute };

    /// <summary>
    /// Applies the events of <paramref name="minute"/>. A meal start with a bolus adds grams/CR plus, when the
    /// interstitial glucose is above 150 mg/dL, (G − 140)/CF (spec 4), delivered within this minute. When eating
    /// goes from nothing to something, D̄ is re-anchored to the current stomach content (spec 1.6); continuing
    /// or overlapping meals keep the anchor, as in simglucose.
    /// </summary>
    public void ApplyEvents(PatientTimeline timeline, int minute, double stomachMg, double interstitialMgPerKg)
    {
        var events = timeline.Events;
        var wasEating = CarbsGramsPerMinute > 0;
        var bolusGrams = 0.0;
        var bolused = false;
        while (Cursor < events.Length && events[Cursor].Minute <= minute)
        {
            var e = events[Cursor++];
            switch (e.Kind)
            {
                case InputEventKind.MealEnd:
                    ActiveMeals--;
                    CarbsGramsPerMinute = ActiveMeals == 0 ? 0 : CarbsGramsPerMinute - e.Rate;
                    break;
                case InputEventKind.MealStart:
                    ActiveMeals++;
                    CarbsGramsPerMinute += e.Rate;
                    if (e.Bolused)
                    {
                        bolused = true;
                        bolusGrams += e.Grams;
                    }
                    break;
                case InputEventKind.ExerciseEnd:
                    ActiveBouts--;
                    BoutUptake = ActiveBouts == 0 ? 0 : BoutUptake - e.Uptake;
                    BoutFsnc = ActiveBouts == 0 ? 0 : BoutFsnc - e.Fsnc;
                    Tail = Math.Max(Tail, e.TailAmplitude);
                    break;
                case InputEventKind.ExerciseStart:
                    ActiveBouts++;
                    BoutUptake += e.Uptake;
                    BoutFsnc += e.Fsnc;
                    break;
                case InputEventKind.Bolus:
                    bolused = true;
                    bolusGrams += e.Grams;
                    break;
                case InputEventKind.SensitivityChange:
                    Sensitivity = e.Uptake;
                    break;
            }
        }
        NextEventMinute = Cursor < events.Length ? events[Cursor].Minute : int.MaxValue;

        if (bolused)
        {
            var glucose = interstitialMgPerKg / timeline.Vg;
            var units = bolusGrams / timeline.CarbRatio + (glucose > 150 ? (glucose - 140) / timeline.CorrectionFactor : 0);
            BolusPmolPerKgPerMinute += units * UvaPadovaModel.PmolPerUnit / timeline.BodyWeightKg;
            BolusUnits += units;
        }
        if (!wasEating && CarbsGramsPerMinute > 0) DbarMg = stomachMg;
    }

    /// <summary>Scalar form of one minute's start: events, then D̄ grows by what is eaten this minute.</summary>
    public ModelInputs BeginMinute(PatientTimeline timeline, PatientParameters p, int minute, ReadOnlySpan<double> x)
    {
        if (minute >= NextEventMinute)
            ApplyEvents(timeline, minute, x[UvaPadovaState.Qsto1] + x[UvaPadovaState.Qsto2], x[UvaPadovaState.Gs]);
        DbarMg += CarbsGramsPerMinute * 1000;
        return new ModelInputs(
            CarbsGramsPerMinute * 1000,
            p.U2ss + BolusPmolPerKgPerMinute,
            DbarMg,
            1 + BoutUptake + Tail + Sensitivity,
            1 + BoutFsnc);
    }

    /// <summary>Scalar form of one minute's end: totals, the bolus is over, the exercise tail decays.</summary>
    public void EndMinute(PatientParameters p)
    {
        EatenGrams += CarbsGramsPerMinute;
        InsulinUnits += (p.U2ss + BolusPmolPerKgPerMinute) * (p.BW / UvaPadovaModel.PmolPerUnit);
        BolusPmolPerKgPerMinute = 0;
        Tail *= ExerciseEffect.TailDecayPerMinute;
    }
}
