using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class UvaPadovaModelTests
{
    public static TheoryData<string> AllPatients() => [.. VirtualPatients.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(AllPatients))]
    public void Csv_initial_state_is_a_steady_state_at_the_basal_infusion(string name)
    {
        var p = VirtualPatients.Get(name).Parameters;
        var dxdt = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, p.InitialState.ToArray(), ModelInputs.Basal(p), dxdt);

        Assert.All(dxdt, d => Assert.True(Math.Abs(d) < 1e-9, $"|dx/dt| = {Math.Abs(d)}"));
    }

    [Fact]
    public void Eating_fills_the_solid_stomach_at_the_meal_rate()
    {
        var p = VirtualPatients.Get("adult#001").Parameters;
        var dxdt = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, p.InitialState.ToArray(), ModelInputs.Basal(p) with { MealMgPerMinute = 5000, DbarMg = 5000 }, dxdt);

        Assert.Equal(5000, dxdt[UvaPadovaState.Qsto1]);
        Assert.Equal(0, dxdt[UvaPadovaState.Qsto2]);
        Assert.True(Math.Abs(dxdt[UvaPadovaState.Gp]) < 1e-9);   // nothing has reached the gut yet
    }

    [Fact]
    public void Gastric_emptying_follows_the_tanh_shape_and_is_kmax_without_an_anchor()
    {
        var p = VirtualPatients.Get("adult#001").Parameters;
        var x = p.InitialState.ToArray();
        x[UvaPadovaState.Qsto2] = 1000;
        var dxdt = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, x, ModelInputs.Basal(p), dxdt);
        Assert.Equal(p.Kmax * 1000, dxdt[UvaPadovaState.Qgut], 9);

        const double dbar = 50_000;
        UvaPadovaModel.Derivatives(p, x, ModelInputs.Basal(p) with { DbarMg = dbar }, dxdt);
        var alpha = 5 / (2 * dbar * (1 - p.B));
        var beta = 5 / (2 * dbar * p.D);
        var kempt = p.Kmin + (p.Kmax - p.Kmin) / 2 * (Math.Tanh(alpha * (1000 - p.B * dbar)) - Math.Tanh(beta * (1000 - p.D * dbar)) + 2);
        Assert.Equal(kempt * 1000, dxdt[UvaPadovaState.Qgut], 9);
        Assert.InRange(kempt, p.Kmin, p.Kmax);
    }

    [Fact]
    public void Renal_excretion_applies_only_above_ke2()
    {
        var p = VirtualPatients.Get("adult#001").Parameters;
        var below = p.InitialState.ToArray();
        var above = p.InitialState.ToArray();
        above[UvaPadovaState.Gp] = p.Ke2 + 100;
        below[UvaPadovaState.Gp] = p.Ke2;   // exactly at the threshold: no excretion
        var dBelow = new double[UvaPadovaModel.StateCount];
        var dAbove = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, below, ModelInputs.Basal(p), dBelow);
        UvaPadovaModel.Derivatives(p, above, ModelInputs.Basal(p), dAbove);

        // dGp/dt changes by the EGP and k1 terms over the 100 mg/kg step, plus excretion ke1·100.
        var egpChange = Math.Max(p.Kp1 - p.Kp2 * above[3] - p.Kp3 * above[8], 0) - Math.Max(p.Kp1 - p.Kp2 * below[3] - p.Kp3 * below[8], 0);
        Assert.Equal(egpChange - p.K1 * 100 - p.Ke1 * 100, dAbove[UvaPadovaState.Gp] - dBelow[UvaPadovaState.Gp], 9);
    }

    [Fact]
    public void Negative_guarded_states_stop_moving_and_production_is_floored_at_zero()
    {
        var p = VirtualPatients.Get("child#001").Parameters;
        var x = p.InitialState.ToArray();
        x[UvaPadovaState.Gt] = -1;
        x[UvaPadovaState.Isc1] = -1;
        x[UvaPadovaState.Id] = 1e6;    // huge hepatic insulin signal: kp1 − kp2·Gp − kp3·Id < 0
        var dxdt = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, x, ModelInputs.Basal(p), dxdt);

        Assert.Equal(0, dxdt[UvaPadovaState.Gt]);
        Assert.Equal(0, dxdt[UvaPadovaState.Isc1]);
        var gp = x[UvaPadovaState.Gp];
        var expected = 0 - p.Fsnc - p.K1 * gp + p.K2 * -1;   // EGP floored at 0, no meal, no excretion
        Assert.Equal(expected, dxdt[UvaPadovaState.Gp], 12);
    }

    [Fact]
    public void Exercise_scales_insulin_dependent_uptake_and_fsnc()
    {
        var p = VirtualPatients.Get("adult#002").Parameters;
        var x = p.InitialState.ToArray();
        var rest = new double[UvaPadovaModel.StateCount];
        var active = new double[UvaPadovaModel.StateCount];

        UvaPadovaModel.Derivatives(p, x, ModelInputs.Basal(p), rest);
        UvaPadovaModel.Derivatives(p, x, ModelInputs.Basal(p) with { UptakeScale = 1.5, FsncScale = 2 }, active);

        var gt = x[UvaPadovaState.Gt];
        var uid = (p.Vm0 + p.Vmx * x[UvaPadovaState.X]) * gt / (p.Km0 + gt);
        Assert.Equal(-0.5 * uid, active[UvaPadovaState.Gt] - rest[UvaPadovaState.Gt], 12);
        Assert.Equal(-p.Fsnc, active[UvaPadovaState.Gp] - rest[UvaPadovaState.Gp], 12);
    }
}
