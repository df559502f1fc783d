using ReferenceSystem.Hosting;
using Simulator.Runs;

namespace EndToEnd.Tests.Support;

/// <summary>The ReferenceSystem hosted in the test process on a loopback port, reached only over HTTP.</summary>
internal sealed class InProcessSut(RunningReferenceSystem running) : IBuiltinSut
{
    public Uri BaseUrl => running.BaseUrl;

    public static async Task<IBuiltinSut> StartAsync(CancellationToken ct) => new InProcessSut(await ReferenceSystemHost.StartAsync(ct));

    public ValueTask DisposeAsync() => running.DisposeAsync();
}
