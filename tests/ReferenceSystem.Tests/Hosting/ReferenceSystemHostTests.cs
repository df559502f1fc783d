using System.Net;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Tests.Hosting;

public class ReferenceSystemHostTests
{
    [Fact]
    public async Task Starts_on_a_free_loopback_port_and_stops_on_dispose()
    {
        var sut = await ReferenceSystemHost.StartAsync();
        using var http = new HttpClient { BaseAddress = sut.BaseUrl };
        Uri baseUrl;
        try
        {
            baseUrl = sut.BaseUrl;
            Assert.Equal("127.0.0.1", baseUrl.Host);
            Assert.NotEqual(0, baseUrl.Port);
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await sut.DisposeAsync();
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task Two_hosts_run_side_by_side()
    {
        await using var a = await ReferenceSystemHost.StartAsync();
        await using var b = await ReferenceSystemHost.StartAsync();

        Assert.NotEqual(a.BaseUrl, b.BaseUrl);
    }
}
