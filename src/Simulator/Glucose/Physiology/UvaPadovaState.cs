namespace Simulator.Glucose.Physiology;

/// <summary>Positions in the 13-value state vector, as in simglucose and the CSV x0 columns (spec 1.1).</summary>
public static class UvaPadovaState
{
    /// <summary>Stomach glucose, solid phase, mg.</summary>
    public const int Qsto1 = 0;
    /// <summary>Stomach glucose, liquid (triturated) phase, mg.</summary>
    public const int Qsto2 = 1;
    /// <summary>Intestinal glucose, mg.</summary>
    public const int Qgut = 2;
    /// <summary>Plasma (and rapidly equilibrating tissue) glucose, mg/kg.</summary>
    public const int Gp = 3;
    /// <summary>Slowly equilibrating tissue glucose, mg/kg.</summary>
    public const int Gt = 4;
    /// <summary>Plasma insulin, pmol/kg.</summary>
    public const int Ip = 5;
    /// <summary>Remote insulin action above basal, pmol/L.</summary>
    public const int X = 6;
    /// <summary>First delay compartment of insulin acting on the liver, pmol/L.</summary>
    public const int I1 = 7;
    /// <summary>Delayed insulin signal acting on endogenous production, pmol/L.</summary>
    public const int Id = 8;
    /// <summary>Liver insulin, pmol/kg.</summary>
    public const int Il = 9;
    /// <summary>Subcutaneous insulin, non-monomeric, pmol/kg.</summary>
    public const int Isc1 = 10;
    /// <summary>Subcutaneous insulin, monomeric, pmol/kg.</summary>
    public const int Isc2 = 11;
    /// <summary>Interstitial glucose kept as a mass, mg/kg (divide by Vg for mg/dL).</summary>
    public const int Gs = 12;
}
