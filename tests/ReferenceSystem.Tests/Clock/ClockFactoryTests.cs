using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceSystem.Clock;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Clock;

public class ClockFactoryTests
{
    [Fact]
    public async Task Request_url_wins_then_SIMULATOR_CLOCK_URL_then_the_system_clock()
    {
        using var harnessClock = new TestClock(speed: 3000);
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>();

        var fromEnvironment = new ClockFactory(http, TimeProvider.System, Configuration(harnessClock.Url.ToString()));
        var viaVariable = Assert.IsType<HarnessClock>(await fromEnvironment.CreateAsync(null, CancellationToken.None));
        Assert.Equal(harnessClock.Snapshot, viaVariable.Snapshot);
        Assert.InRange(viaVariable.GetUtcNow() - harnessClock.Now, TimeSpan.FromSeconds(-3), TimeSpan.FromSeconds(3));

        var plain = new ClockFactory(http, TimeProvider.System, Configuration(null));
        Assert.Same(TimeProvider.System, await plain.CreateAsync(null, CancellationToken.None));
        Assert.IsType<HarnessClock>(await plain.CreateAsync(harnessClock.Url, CancellationToken.None));

        await Assert.ThrowsAsync<ClockUnavailableException>(() =>
            plain.CreateAsync(new Uri("http://127.0.0.1:1/clock"), CancellationToken.None));
    }

    private static IConfiguration Configuration(string? clockUrl) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ClockFactory.ClockUrlVariable] = clockUrl })
            .Build();
}
