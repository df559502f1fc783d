namespace Simulator.Glucose.Sensors;

/// <summary>
/// First-order blood→interstitium diffusion dIG/dt = (BG − IG)/τ (spec §11.1, Breton2008 eq. 12.6), discretised
/// exactly for an input held constant from one reading instant to the next. So a step in the input at t₀ gives
/// IG = 1 − e^(−(t − t₀)/τ) of the step at every later reading: 63 % at t₀ + τ. Starts at steady state.
/// </summary>
internal sealed class InterstitialLag(double tauMinutes, TimeSpan interval)
{
    private readonly double alphaAtInterval = 1 - Math.Exp(-interval.TotalMinutes / tauMinutes);
    private readonly TimeSpan interval = interval;
    private double ig;
    private double previousInput;
    private bool started;

    public double Step(double input, TimeSpan sinceLast)
    {
        if (!started)
        {
            started = true;
            ig = previousInput = input;
            return ig;
        }
        var alpha = sinceLast == interval ? alphaAtInterval : 1 - Math.Exp(-sinceLast.TotalMinutes / tauMinutes);
        ig += alpha * (previousInput - ig);
        previousInput = input;
        return ig;
    }
}
