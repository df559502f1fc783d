namespace Simulator.Glucose.Sensors;

/// <summary>
/// Transient disconnections as a three-state Markov chain (spec §11.3, Facchinetti2016): Connected → Short or
/// Long loss (entry rate higher while awake) → Connected, with geometric episode lengths. Each reading instant is one
/// step; the reading at which the chain returns to Connected is present.
/// </summary>
internal sealed class DropoutProcess
{
    private enum Link { Connected, Short, Long }

    private readonly SeededRandom random;
    private readonly double enterAwake;
    private readonly double enterAsleep;
    private readonly double shortShare;
    private readonly double leaveShort;
    private readonly double leaveLong;
    private Link state;

    public DropoutProcess(DropoutOptions options, TimeSpan interval, SeededRandom random)
    {
        this.random = random;
        var hours = interval.TotalHours;
        var minutes = interval.TotalMinutes;
        enterAwake = 1 - Math.Exp(-options.EpisodesPerHourAwake * hours);
        enterAsleep = 1 - Math.Exp(-options.EpisodesPerHourAsleep * hours);
        shortShare = options.ShortShare;
        leaveShort = 1 - Math.Exp(-minutes / options.ShortMeanMinutes);
        leaveLong = 1 - Math.Exp(-minutes / options.LongMeanMinutes);
    }

    /// <summary>Advances one reading instant; true if this reading is lost.</summary>
    public bool Step(bool asleep)
    {
        var u = random.NextDouble();
        state = state switch
        {
            Link.Connected when u < (asleep ? enterAsleep : enterAwake) => random.NextDouble() < shortShare ? Link.Short : Link.Long,
            Link.Connected => Link.Connected,
            Link.Short => u < leaveShort ? Link.Connected : Link.Short,
            _ => u < leaveLong ? Link.Connected : Link.Long,
        };
        return state != Link.Connected;
    }
}
