using System.Globalization;
using ReferenceSystem.Clock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ReferenceSystem.Tests.Support;

/// <summary>
/// The harness's clock endpoint, faked with WireMock: <c>GET /clock</c> → {virtualEpoch, realEpoch, speed}.
/// The test computes virtual time with the same formula as the SUT.
/// </summary>
internal sealed class TestClock : IDisposable
{
    public static readonly DateTimeOffset VirtualEpoch = new(2019, 11, 30, 3, 0, 0, TimeSpan.FromHours(-5));

    private readonly WireMockServer _server;

    public TestClock(double speed = 600)
    {
        Snapshot = new ClockSnapshot(VirtualEpoch, TimeProvider.System.GetUtcNow(), speed);
        Clock = new HarnessClock(Snapshot, TimeProvider.System);
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath("/clock").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                "{\"virtualEpoch\":\"" + Snapshot.VirtualEpoch.ToString("O", CultureInfo.InvariantCulture)
                + "\",\"realEpoch\":\"" + Snapshot.RealEpoch.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
                + "\",\"speed\":" + speed.ToString(CultureInfo.InvariantCulture) + "}"));
    }

    public ClockSnapshot Snapshot { get; }

    public HarnessClock Clock { get; }

    public Uri Url => new($"http://127.0.0.1:{_server.Ports[0]}/clock");

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The virtual instant of a real UTC instant.</summary>
    public DateTimeOffset ToVirtual(DateTime realUtc) =>
        Snapshot.VirtualEpoch.ToUniversalTime() + Clock.ToVirtual(new DateTimeOffset(realUtc, TimeSpan.Zero) - Snapshot.RealEpoch);

    public void Dispose() => _server.Stop();
}
