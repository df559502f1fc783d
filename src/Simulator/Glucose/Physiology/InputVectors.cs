namespace Simulator.Glucose.Physiology;

/// <summary>One minute's inputs for one <see cref="Pack"/> of patients (see <see cref="ModelInputs"/>).</summary>
internal readonly record struct InputVectors(Pack MealMgPerMinute, Pack InsulinPmolPerKgPerMinute, Pack UptakeScale, Pack FsncScale, GastricVectors Gastric);

/// <summary>
/// The gastric-emptying shape for one minute, from the anchor D̄ (spec 1.3): α = 5/(2D̄(1−b)), β = 5/(2D̄d), b·D̄
/// and d·D̄. Lanes without an anchor yet (D̄ = 0, emptying at kmax) are masked out of <see cref="HasDbar"/> and
/// computed with a stand-in D̄ so no lane divides by zero.
/// </summary>
internal readonly record struct GastricVectors(Pack HasDbar, Pack Alpha, Pack Beta, Pack BDbar, Pack DDbar)
{
    public static GastricVectors For(in ParameterVectors p, Pack dbarMg)
    {
        var hasDbar = Pack.GreaterThan(dbarMg, Pack.Zero);
        var dbar = Pack.Select(hasDbar, dbarMg, Pack.Create(1000.0));
        return new(hasDbar, p.AlphaTimesDbar / dbar, p.BetaTimesDbar / dbar, p.B * dbar, p.D * dbar);
    }
}
