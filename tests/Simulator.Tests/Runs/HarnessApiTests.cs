using System.Net;
using System.Text.Json;
using Simulator.Runs;
using Simulator.Time;

namespace Simulator.Tests.Runs;

public class HarnessApiTests
{
    private static readonly DateTimeOffset Epoch = new(2019, 11, 29, 22, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task The_clock_endpoint_serves_the_clock_protocol_once_the_run_has_started()
    {
        var clock = new VirtualClock(Epoch, speed: 3000);
        await using var api = await HarnessApi.StartAsync(clock, CancellationToken.None);
        using var http = new HttpClient();

        using var before = await http.GetAsync(api.ClockUrl);
        clock.Start();
        var body = JsonDocument.Parse(await http.GetStringAsync(api.ClockUrl)).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.True(api.BaseUrl.IsLoopback);
        Assert.Equal(Epoch, body.GetProperty("virtualEpoch").GetDateTimeOffset());
        Assert.Equal(clock.RealEpoch, body.GetProperty("realEpoch").GetDateTimeOffset());
        Assert.Equal(3000, body.GetProperty("speed").GetDouble());
    }
}
