using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class VirtualPatientsTests
{
    [Fact]
    public void All_30_patients_load_in_csv_order_ten_per_group()
    {
        var all = VirtualPatients.All;

        Assert.Equal(30, all.Count);
        Assert.Equal("adolescent#001", all[0].Name);
        Assert.Equal("adolescent#010", all[9].Name);
        Assert.Equal("adult#001", all[10].Name);
        Assert.Equal("child#010", all[29].Name);
        Assert.All(all.Take(10), p => Assert.Equal(AgeGroup.Adolescent, p.AgeGroup));
        Assert.All(all.Skip(10).Take(10), p => Assert.Equal(AgeGroup.Adult, p.AgeGroup));
        Assert.All(all.Skip(20), p => Assert.Equal(AgeGroup.Child, p.AgeGroup));
        Assert.Equal(30, all.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void OfGroup_returns_the_ten_of_that_group_in_order()
    {
        var children = VirtualPatients.OfGroup(AgeGroup.Child);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"child#{i:000}"), children.Select(p => p.Name));
    }

    [Fact]
    public void Quest_figures_match_the_csv_for_named_patients()
    {
        var adult = VirtualPatients.Get("adult#001");
        Assert.Equal(10, adult.CarbRatio);
        Assert.Equal(8.77310657487, adult.CorrectionFactor);
        Assert.Equal(61, adult.Age);
        Assert.Equal(50.416652, adult.TotalDailyInsulin);

        var child = VirtualPatients.Get("child#010");
        Assert.Equal(18, child.CarbRatio);
        Assert.Equal(29.222745246, child.CorrectionFactor);
        Assert.Equal(12, child.Age);

        var adolescent = VirtualPatients.Get("adolescent#003");
        Assert.Equal(23, adolescent.CarbRatio);
        Assert.Equal(33.5259913553, adolescent.CorrectionFactor);
    }

    [Fact]
    public void Parameters_and_initial_state_come_from_vpatient_params_including_the_spaced_x0_columns()
    {
        var p = VirtualPatients.Get("adolescent#001").Parameters;

        Assert.Equal(68.706, p.BW);
        Assert.Equal(0.091043, p.Kabs);
        Assert.Equal(1.21697571391, p.U2ss);
        Assert.Equal(13, p.InitialState.Count);
        Assert.Equal(250.621836, p.InitialState[UvaPadovaState.Gp]);        // x0_ 4
        Assert.Equal(97.554, p.InitialState[UvaPadovaState.Id]);            // x0_ 9
        Assert.Equal(57.951224472, p.InitialState[UvaPadovaState.Isc1]);    // x0_11
        Assert.Equal(250.621836, p.InitialState[UvaPadovaState.Gs]);        // x0_13
    }

    [Fact]
    public void Basal_rate_and_steady_state_follow_from_u2ss_and_Gs_over_Vg()
    {
        var patient = VirtualPatients.Get("adolescent#001");

        Assert.Equal(1.21697571391 * 68.706 / 6000 * 60, patient.BasalUnitsPerHour, 12);
        Assert.Equal(250.621836 / 1.6818, patient.SteadyStateMgdl, 12);
        Assert.Equal(patient.Parameters.BW, patient.BodyWeightKg);
    }

    [Fact]
    public void Get_with_an_unknown_name_throws_listing_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => VirtualPatients.Get("adult#011"));

        Assert.Contains("adult#011", error.Message, StringComparison.Ordinal);
        Assert.Contains("adolescent#001..010, adult#001..010, child#001..010", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_finds_known_names_only()
    {
        Assert.True(VirtualPatients.TryGet("child#005", out var patient));
        Assert.Equal("child#005", patient.Name);
        Assert.False(VirtualPatients.TryGet("Child#005", out _));
    }
}
