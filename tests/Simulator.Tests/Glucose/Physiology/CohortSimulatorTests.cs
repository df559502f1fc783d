using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class CohortSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Every_patient_on_basal_only_stays_within_1_mgdl_of_its_steady_state_for_24_hours()
    {
        var patients = VirtualPatients.All;
        var sim = new CohortSimulator([.. patients.Select(PatientPlan.BasalOnly)], Start);
        var worst = 0.0;

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            sim.Step();
            for (var i = 0; i < patients.Count; i++)
            {
                var steady = patients[i].SteadyStateMgdl;
                worst = Math.Max(worst, Math.Abs(sim.InterstitialMgdl[i] - steady));
                worst = Math.Max(worst, Math.Abs(sim.PlasmaMgdl[i] - steady));   // Gpb = Gs at steady state
            }
        }

        Assert.True(worst < 1, $"largest deviation {worst} mg/dL");
        Assert.Equal(Start.AddDays(1), sim.Now);
        Assert.Equal(24 * 60, sim.MinutesElapsed);
    }

    [Fact]
    public void Vectorised_cohort_matches_scalar_rk4_over_the_reference_model_for_a_day_with_meals_and_exercise()
    {
        // 31 patients: not a multiple of the pack width, so the last pack is partly padding.
        var plans = Enumerable.Range(0, 31).Select(i => VariedDay(VirtualPatients.All[i % 30], i)).ToArray();
        var sim = new CohortSimulator(plans, Start);
        var reference = plans.Select(plan => ScalarReference.Run(plan, Start, 24 * 60)).ToArray();
        var worst = 0.0;

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            sim.Step();
            for (var i = 0; i < plans.Length; i++)
            {
                worst = Math.Max(worst, RelativeDifference(sim.InterstitialMgdl[i], reference[i].Interstitial[minute]));
                worst = Math.Max(worst, RelativeDifference(sim.PlasmaMgdl[i], reference[i].Plasma[minute]));
            }
        }

        Assert.True(worst < 1e-9, $"largest relative difference {worst}");
        Assert.Contains(reference, r => r.Plasma.Max() > 180);            // the day really had meal excursions
    }

    [Fact]
    public void The_same_plans_give_bitwise_identical_results_on_every_run()
    {
        var plans = RandomCohort(40, seed: 7);

        var first = Run(new CohortSimulator(plans, Start), 2 * 24 * 60, stepMinutes: 5);
        var second = Run(new CohortSimulator(plans, Start), 2 * 24 * 60, stepMinutes: 5);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_large_cohort_split_across_threads_matches_a_single_threaded_run_bitwise()
    {
        var plans = RandomCohort(301, seed: 11);   // five parallel chunks, the last one partial

        var parallel = Run(new CohortSimulator(plans, Start), 24 * 60, stepMinutes: 30);
        var single = Run(new CohortSimulator(plans, Start, maxDegreeOfParallelism: 1), 24 * 60, stepMinutes: 30);

        Assert.Equal(single, parallel);
    }

    [Fact]
    public void Advancing_many_minutes_at_once_equals_stepping_minute_by_minute()
    {
        var plans = RandomCohort(9, seed: 3);

        var stepped = Run(new CohortSimulator(plans, Start), 12 * 60, stepMinutes: 1);
        var hourly = Run(new CohortSimulator(plans, Start), 12 * 60, stepMinutes: 60);
        var once = new CohortSimulator(plans, Start);
        once.Advance(12 * 60);

        Assert.Equal(stepped, hourly);
        Assert.Equal(stepped.Take(plans.Length).Select(trace => trace[^1]), once.InterstitialMgdl.ToArray());
    }

    [Fact]
    public void A_patients_result_does_not_depend_on_the_rest_of_the_cohort()
    {
        var plans = RandomCohort(13, seed: 5);
        var alone = Run(new CohortSimulator([plans[12]], Start), 24 * 60, stepMinutes: 60);
        var together = Run(new CohortSimulator(plans, Start), 24 * 60, stepMinutes: 60);

        Assert.Equal(alone[0], together[12]);
        Assert.Equal(alone[1], together[12 + 13]);
    }

    [Fact]
    public void Totals_count_basal_meal_and_bolus_insulin()
    {
        var patient = VirtualPatients.Get("adult#001");
        var plans = new[]
        {
            PatientPlan.BasalOnly(patient),
            new PatientPlan(patient, [new Meal(Start.AddHours(2), 50)], []),
            new PatientPlan(patient, [new Meal(Start.AddHours(2), 50, Bolused: false)], []),
        };
        var sim = new CohortSimulator(plans, Start);

        sim.Advance(24 * 60);

        var basal = patient.BasalUnitsPerHour * 24;
        AssertTotals(new PatientTotals(0, basal, 0), sim.TotalsOf(0));
        AssertTotals(new PatientTotals(50, basal + 5, 5), sim.TotalsOf(1));   // 50 g / CR 10, glucose < 150 at the meal
        AssertTotals(new PatientTotals(50, basal, 0), sim.TotalsOf(2));
    }

    [Fact]
    public void A_bolused_meal_while_interstitial_glucose_is_above_150_adds_a_correction_to_140()
    {
        var patient = VirtualPatients.Get("adult#001");
        var plan = new PatientPlan(patient, [new Meal(Start.AddMinutes(30), 50, Bolused: false), new Meal(Start.AddMinutes(150), 30)], []);
        var sim = new CohortSimulator([plan], Start);

        sim.Advance(150);
        var glucose = sim.InterstitialMgdl[0];
        sim.Step();

        Assert.True(glucose > 150, $"interstitial {glucose}");
        Assert.Equal(30 / patient.CarbRatio + (glucose - 140) / patient.CorrectionFactor, sim.TotalsOf(0).BolusUnits, 9);
    }

    [Fact]
    public void Constructor_rejects_an_empty_cohort_and_a_zero_degree_of_parallelism()
    {
        Assert.Throws<ArgumentException>(() => new CohortSimulator([], Start));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CohortSimulator([PatientPlan.BasalOnly(VirtualPatients.All[0])], Start, maxDegreeOfParallelism: 0));
    }

    [Fact]
    public void Spans_start_at_the_steady_state_and_have_one_value_per_patient()
    {
        var plans = VirtualPatients.OfGroup(AgeGroup.Child).Select(PatientPlan.BasalOnly).ToArray();
        var sim = new CohortSimulator(plans, Start);

        Assert.Equal(10, sim.Count);
        Assert.Equal(10, sim.InterstitialMgdl.Length);
        Assert.Equal(plans.Select(p => p.Patient.SteadyStateMgdl), sim.InterstitialMgdl.ToArray());
        Assert.Equal(Start, sim.Now);
    }

    private static void AssertTotals(PatientTotals expected, PatientTotals actual)
    {
        Assert.Equal(expected.EatenGrams, actual.EatenGrams, 9);
        Assert.Equal(expected.InsulinUnits, actual.InsulinUnits, 9);
        Assert.Equal(expected.BolusUnits, actual.BolusUnits, 9);
    }

    private static double RelativeDifference(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-12);

    /// <summary>Both outputs of every patient after every advance, interstitial then plasma, as one flat array per kind.</summary>
    private static double[][] Run(CohortSimulator sim, int minutes, int stepMinutes)
    {
        var interstitial = new List<double>[sim.Count];
        var plasma = new List<double>[sim.Count];
        for (var i = 0; i < sim.Count; i++) (interstitial[i], plasma[i]) = ([], []);
        for (var done = 0; done < minutes; done += stepMinutes)
        {
            sim.Advance(stepMinutes);
            if ((done + stepMinutes) % 60 != 0) continue;   // compare on the hour, whatever the step
            for (var i = 0; i < sim.Count; i++)
            {
                interstitial[i].Add(sim.InterstitialMgdl[i]);
                plasma[i].Add(sim.PlasmaMgdl[i]);
            }
        }
        return [.. interstitial.Select(l => l.ToArray()), .. plasma.Select(l => l.ToArray())];
    }

    /// <summary>A day with three meals (one with a missed bolus, one overlapping a snack), a meal already under way at the start and a bout of exercise.</summary>
    private static PatientPlan VariedDay(VirtualPatient patient, int variant)
    {
        var shift = TimeSpan.FromMinutes(7 * variant % 50);
        Meal[] meals =
        [
            new(Start.AddMinutes(-4), 30),                                                 // under way at the start
            new(Start.AddHours(7).Add(shift).AddSeconds(30), 45 + variant),
            new(Start.AddHours(12).Add(shift), 70, Bolused: variant % 3 != 0),
            new(Start.AddHours(12).Add(shift).AddMinutes(5), 15) { Duration = TimeSpan.FromMinutes(20) },   // overlaps lunch
            new(Start.AddHours(18).Add(shift), 80),
        ];
        var intensity = (ExerciseIntensity)(variant % 3);
        return new PatientPlan(patient, meals, [new Exercise(Start.AddHours(15).Add(shift), TimeSpan.FromMinutes(30 + variant), intensity)]);
    }

    private static PatientPlan[] RandomCohort(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var meals = new List<Meal>();
            var bouts = new List<Exercise>();
            for (var day = 0; day < 2; day++)
            {
                var midnight = Start.AddDays(day);
                meals.Add(new Meal(midnight.AddHours(7).AddMinutes(random.Next(-60, 60)), 30 + random.Next(40), random.Next(10) > 0));
                meals.Add(new Meal(midnight.AddHours(12).AddMinutes(random.Next(-60, 60)), 50 + random.Next(40)));
                meals.Add(new Meal(midnight.AddHours(18).AddMinutes(random.Next(-60, 60)), 50 + random.Next(50)));
                if (random.Next(3) == 0)
                    bouts.Add(new Exercise(midnight.AddHours(16), TimeSpan.FromMinutes(20 + random.Next(60)), (ExerciseIntensity)random.Next(3)));
            }
            return new PatientPlan(VirtualPatients.All[random.Next(30)], meals, bouts);
        })];
    }
}
