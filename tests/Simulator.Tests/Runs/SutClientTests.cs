using Simulator.Runs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Simulator.Tests.Runs;

public sealed class SutClientTests : IDisposable
{
    private readonly WireMockServer _sut = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public void Dispose()
    {
        _sut.Stop();
        _http.Dispose();
    }

    private Uri Url => new($"http://127.0.0.1:{_sut.Ports[0]}/");

    private void Health(int status, string body) =>
        _sut.Given(Request.Create().WithPath("/health").UsingGet()).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

    [Theory]
    [InlineData("http://127.0.0.1:5300")]
    [InlineData("http://127.8.9.10:5300")]
    [InlineData("http://[::1]:5300")]
    [InlineData("https://localhost:5300")]
    public void Loopback_addresses_are_accepted(string url) => SutClient.EnsureLoopback(new Uri(url), "SUT URL");

    [Theory]
    [InlineData("http://10.0.0.5:5300")]
    [InlineData("http://192.0.2.10:8080")]
    [InlineData("http://example.com")]
    [InlineData("ftp://127.0.0.1/")]
    public void Anything_off_this_machine_is_refused_with_what_to_do(string url)
    {
        var e = Assert.Throws<RunFailedException>(() => SutClient.EnsureLoopback(new Uri(url), "--sut-url"));

        Assert.Equal(
            $"The --sut-url '{new Uri(url)}' is not a loopback http(s) address. The harness only sends traffic to this machine " +
            "(127.0.0.0/8, ::1 or localhost), so point it at a system running here, e.g. http://127.0.0.1:5300.",
            e.Message);
    }

    [Fact]
    public async Task A_system_that_reads_the_harness_clock_may_run_accelerated()
    {
        Health(200, """{"status":"ok","clockProtocol":1}""");

        await new SutClient(_http, Url).PreflightAsync(speed: 3000, CancellationToken.None);

        Assert.Single(_sut.LogEntries);
    }

    [Fact]
    public async Task A_system_without_the_clock_protocol_runs_only_at_speed_1()
    {
        Health(200, """{"status":"ok"}""");
        var client = new SutClient(_http, Url);

        await client.PreflightAsync(speed: 1, CancellationToken.None);
        var e = await Assert.ThrowsAsync<RunFailedException>(() => client.PreflightAsync(speed: 60, CancellationToken.None));

        Assert.Equal(
            $"The system under test at {Url} does not declare the harness clock protocol (no \"clockProtocol\" in GET /health), " +
            "so it runs on real time and cannot follow a run at speed 60. Run with --speed 1, or have it read the run's clock " +
            "from the harness (docs/integrating-your-system.md, 'clock protocol').",
            e.Message);
    }

    [Fact]
    public async Task An_unhealthy_system_stops_the_run_before_it_starts()
    {
        Health(503, "down");

        var e = await Assert.ThrowsAsync<RunFailedException>(() => new SutClient(_http, Url).PreflightAsync(1, CancellationToken.None));

        Assert.Equal(
            $"The system under test at {Url} could not be reached (it answered GET /health with HTTP 503). Start it first, or check " +
            "the --sut-url you gave; nothing was run and no results were written.",
            e.Message);
    }

    [Fact]
    public async Task Nothing_listening_is_reported_as_a_refused_connection()
    {
        var closed = new Uri("http://127.0.0.1:9/");

        var e = await Assert.ThrowsAsync<RunFailedException>(() => new SutClient(_http, closed).PreflightAsync(1, CancellationToken.None));

        Assert.Contains("(connection refused: nothing is listening there)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_configuration_names_the_status_and_the_systems_answer()
    {
        _sut.Given(Request.Create().WithPath("/api/follow").UsingPost()).RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"error":"patients[0].share.baseUrl is required"}"""));

        var e = await Assert.ThrowsAsync<RunFailedException>(() => new SutClient(_http, Url).StartFollowingAsync(new { }, CancellationToken.None));

        Assert.Equal(
            $"The system under test at {Url} refused the run's configuration (POST /api/follow answered HTTP 400: " +
            """{"error":"patients[0].share.baseUrl is required"}). Check that it implements the harness's SUT protocol.""",
            e.Message);
    }
}
