using System.Net;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Tests.Apis;

public class HealthApiTests
{
    [Fact]
    public async Task Health_returns_the_exact_contract()
    {
        await using var sut = await ReferenceSystemHost.StartAsync();
        using var http = new HttpClient { BaseAddress = sut.BaseUrl };

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"ok","service":"reference-system","clockProtocol":1,"profiles":["naive","resilient"]}""",
            await response.Content.ReadAsStringAsync());
    }
}
