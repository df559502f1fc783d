using ReferenceSystem.Hosting;
using Simulator.Runs;

namespace Simulator.Cli;

/// <summary>The ReferenceSystem hosted in this process on a loopback port; the run still reaches it only over HTTP.</summary>
internal sealed class BuiltinReferenceSystem(RunningReferenceSystem running) : IBuiltinSut
{
    public Uri BaseUrl => running.BaseUrl;

    public static async Task<IBuiltinSut> StartAsync(CancellationToken ct) =>
        new BuiltinReferenceSystem(await ReferenceSystemHost.StartAsync(ct));

    public ValueTask DisposeAsync() => running.DisposeAsync();
}
