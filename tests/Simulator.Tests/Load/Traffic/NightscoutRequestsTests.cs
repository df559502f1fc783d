using Simulator.Glucose;
using Simulator.Load.Traffic;
using Simulator.Tests.Support;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Load.Traffic;

public sealed class NightscoutRequestsTests : IDisposable
{
    private static readonly NightscoutSite Site = new("child-1", "ns-secret-0123456789");
    private readonly ManualClock _clock = new(Rig.T0);
    private readonly NightscoutFake _fake;
    private readonly HttpClient _http = new();

    public NightscoutRequestsTests()
    {
        _fake = new NightscoutFake(Rig.Context(_clock), [Site]);
        _fake.Start();
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public async Task An_entries_post_with_the_sha1_secret_is_stored_and_visible()
    {
        var reading = new Reading(Site.Patient, Rig.T0.AddMinutes(-2), 63, Trend.SingleDown);

        using var request = NightscoutRequests.PostEntries(_fake.SiteUrl(Site.Patient), Site.ApiSecret, [reading]);
        using var response = await _http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(NightscoutSite.HashForHeader(Site.ApiSecret), request.Headers.GetValues("api-secret").Single());
        var stored = Assert.Single(_fake.Store.Visible(Site.Patient, DateTimeOffset.MinValue, 10));
        Assert.Equal((reading.SensorTime, 63, Trend.SingleDown), (stored.SensorTime, stored.Mgdl, stored.Trend));
    }

    [Fact]
    public async Task Another_sites_secret_is_refused()
    {
        using var request = NightscoutRequests.PostEntries(_fake.SiteUrl(Site.Patient), "some-other-secret", [new Reading(Site.Patient, Rig.T0, 100, Trend.Flat)]);
        using var response = await _http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(_fake.Store.Visible(Site.Patient, DateTimeOffset.MinValue, 10));
    }

    [Fact]
    public void The_entries_url_is_under_the_site_with_or_without_a_trailing_slash()
    {
        Assert.Equal("http://127.0.0.1:5080/p-1/api/v1/entries", NightscoutRequests.EntriesUrl(new Uri("http://127.0.0.1:5080/p-1")).ToString());
        Assert.Equal("http://127.0.0.1:5080/p-1/api/v1/entries", NightscoutRequests.EntriesUrl(new Uri("http://127.0.0.1:5080/p-1/")).ToString());
    }
}
