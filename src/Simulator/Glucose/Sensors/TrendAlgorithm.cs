namespace Simulator.Glucose.Sensors;

/// <summary>Which vendor's arrow bands a sensor uses (spec vendor-apis.md §1 Share trends, §3.5 LibreLinkUp TrendArrow).</summary>
public enum TrendAlgorithm
{
    /// <summary>Seven arrows, Dexcom bands ±1/±2/±3 mg/dL/min (<see cref="TrendArrows.FromRate"/>).</summary>
    Dexcom,

    /// <summary>Five arrows, Abbott bands ±1/±2 mg/dL/min (<see cref="LibreTrendArrows.FromRate"/>).</summary>
    Libre,
}
