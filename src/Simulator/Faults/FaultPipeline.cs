namespace Simulator.Faults;

/// <summary>Runs the active faults around a vendor's handler, outermost first, skipping those whose <c>where:</c> does not match.</summary>
public static class FaultPipeline
{
    public static Task RunAsync(IReadOnlyList<RequestFault> faults, FaultRequest request, Func<Task> handler)
    {
        return Step(0);

        async Task Step(int i)
        {
            if (i == faults.Count)
                await handler();
            else if (await faults[i].Where.MatchesAsync(request))
                await faults[i].ApplyAsync(request, () => Step(i + 1));
            else
                await Step(i + 1);
        }
    }
}
