namespace Simulator.Glucose.Physiology;

/// <summary>
/// The per-minute, vector-updated fields of every lane's <see cref="PatientInputState"/>, kept as columns so the
/// kernel loads and stores them as whole packs. The struct array stays the owner of the event bookkeeping; a lane's
/// fields are copied into its struct and back only around <see cref="PatientInputState.ApplyEvents"/>, which is rare.
/// </summary>
internal sealed class InputColumns(int lanes)
{
    public double[] Carbs { get; } = new double[lanes];
    public double[] Bolus { get; } = new double[lanes];
    public double[] DbarMg { get; } = new double[lanes];
    public double[] BoutUptake { get; } = new double[lanes];
    public double[] BoutFsnc { get; } = new double[lanes];
    public double[] Tail { get; } = new double[lanes];
    public double[] Sensitivity { get; } = new double[lanes];
    public double[] EatenGrams { get; } = new double[lanes];
    public double[] InsulinUnits { get; } = new double[lanes];

    public void CopyTo(ref PatientInputState s, int lane)
    {
        s.CarbsGramsPerMinute = Carbs[lane];
        s.BolusPmolPerKgPerMinute = Bolus[lane];
        s.DbarMg = DbarMg[lane];
        s.BoutUptake = BoutUptake[lane];
        s.BoutFsnc = BoutFsnc[lane];
        s.Tail = Tail[lane];
        s.Sensitivity = Sensitivity[lane];
        s.EatenGrams = EatenGrams[lane];
        s.InsulinUnits = InsulinUnits[lane];
    }

    public void CopyFrom(in PatientInputState s, int lane)
    {
        Carbs[lane] = s.CarbsGramsPerMinute;
        Bolus[lane] = s.BolusPmolPerKgPerMinute;
        DbarMg[lane] = s.DbarMg;
        BoutUptake[lane] = s.BoutUptake;
        BoutFsnc[lane] = s.BoutFsnc;
        Tail[lane] = s.Tail;
        Sensitivity[lane] = s.Sensitivity;
        EatenGrams[lane] = s.EatenGrams;
        InsulinUnits[lane] = s.InsulinUnits;
    }
}
