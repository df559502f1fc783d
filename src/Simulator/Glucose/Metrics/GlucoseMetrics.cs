namespace Simulator.Glucose.Metrics;

/// <summary>
/// Consensus CGM metrics over one period (spec glucose-model.md §7, Battelino2019; §6 Kovatchev risk indices).
/// Percentages are shares of <see cref="Readings"/> in 0–100. The bands nest as the consensus reports them:
/// <see cref="Tbr70Percent"/> includes <see cref="Tbr54Percent"/>, and <see cref="Tar180Percent"/> includes
/// <see cref="Tar250Percent"/>, so TBR&lt;70 + TIR + TAR&gt;180 = 100.
/// </summary>
public sealed record GlucoseMetrics(
    int Readings,
    double MeanMgdl,
    double SdMgdl,
    double CvPercent,
    double GmiPercent,
    double Tbr54Percent,
    double Tbr70Percent,
    double TirPercent,
    double Tar180Percent,
    double Tar250Percent,
    double Lbgi,
    double Hbgi);
