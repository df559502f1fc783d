using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Load.Traffic;
using Simulator.Tests.Support;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Tests.Load.Traffic;

public sealed class ShareSessionClientTests : IDisposable
{
    private readonly ManualClock _clock = new(Rig.T0);
    private readonly ShareHarness _share;
    private readonly HttpClient _http = new();

    public ShareSessionClientTests() => _share = new ShareHarness(_clock);

    public void Dispose()
    {
        _http.Dispose();
        _share.Dispose();
    }

    [Fact]
    public async Task A_publisher_upload_is_accepted_and_a_follower_reads_it_back()
    {
        var client = new ShareSessionClient(_http, _share.Fake.ServicesUrl);
        var reading = new Reading(ShareHarness.Account.Patient, Rig.T0.AddMinutes(-1), 142, Trend.FortyFiveUp);

        var upload = await client.UploadAsync(ShareHarness.Account, [reading], CancellationToken.None);
        var read = await client.ReadLatestAsync("parent-1", ShareHarness.Account, CancellationToken.None);

        Assert.Equal(200, upload.Status);
        Assert.Equal(reading, Assert.Single(_share.Fake.Store.Visible(reading.Patient, Rig.T0.AddHours(-1), 10)));
        var accepted = Assert.Single(_share.Journal.OfType<ReadingAccepted>());
        Assert.Equal((reading.SensorTime, 142), (accepted.SensorTime, accepted.Mgdl));
        Assert.Equal(200, read.Status);
        var record = Assert.Single(JsonDocument.Parse(read.Body).RootElement.EnumerateArray());
        Assert.Equal($"Date({reading.SensorTime.ToUnixTimeMilliseconds()})", record.GetProperty("WT").GetString());
        Assert.Equal(142, record.GetProperty("Value").GetInt32());
        Assert.Equal("FortyFiveUp", record.GetProperty("Trend").GetString());
        Assert.Equal(2, client.Logins);
    }

    [Fact]
    public async Task Sessions_are_kept_per_phone_and_renewed_when_share_has_lost_them()
    {
        var client = new ShareSessionClient(_http, _share.Fake.ServicesUrl);
        Reading At(int minutes) => new(ShareHarness.Account.Patient, Rig.T0.AddMinutes(minutes), 120, Trend.Flat);

        await client.UploadAsync(ShareHarness.Account, [At(-10)], CancellationToken.None);
        await client.UploadAsync(ShareHarness.Account, [At(-5)], CancellationToken.None);
        await client.ReadLatestAsync("parent-1", ShareHarness.Account, CancellationToken.None);
        await client.ReadLatestAsync("parent-1", ShareHarness.Account, CancellationToken.None);
        var logins = _share.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "login");

        Assert.Equal(2, client.Logins);
        Assert.Equal(3, logins); // one by name for the phone, two steps for the follower app
    }

    [Fact]
    public async Task Overlapping_calls_of_one_phone_wait_for_one_login()
    {
        var client = new ShareSessionClient(_http, _share.Fake.ServicesUrl);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.ReadLatestAsync("parent-1", ShareHarness.Account, CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(1, client.Logins);
        Assert.Equal(2, _share.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "login"));
    }

    [Fact]
    public async Task Logging_in_ahead_leaves_the_first_upload_and_read_without_a_login()
    {
        var client = new ShareSessionClient(_http, _share.Fake.ServicesUrl);

        var phone = await client.LogInPublisherAsync(ShareHarness.Account, CancellationToken.None);
        var app = await client.LogInFollowerAsync("parent-1", ShareHarness.Account, CancellationToken.None);
        var loginsBefore = _share.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "login");
        await client.UploadAsync(ShareHarness.Account, [new Reading(ShareHarness.Account.Patient, Rig.T0.AddMinutes(-1), 130, Trend.Flat)], CancellationToken.None);
        await client.ReadLatestAsync("parent-1", ShareHarness.Account, CancellationToken.None);

        Assert.Equal((200, 200), (phone.Status, app.Status));
        Assert.Equal(3, loginsBefore);
        Assert.Equal(3, _share.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "login"));
        Assert.Equal(2, client.Logins);
    }

    [Fact]
    public async Task A_wrong_password_ends_the_upload_with_the_login_answer()
    {
        var client = new ShareSessionClient(_http, _share.Fake.ServicesUrl);
        var wrong = ShareHarness.Account with { Password = "not-it" };

        var answer = await client.UploadAsync(wrong, [new Reading(wrong.Patient, Rig.T0, 100, Trend.Flat)], CancellationToken.None);

        Assert.Equal(500, answer.Status);
        Assert.Contains("AccountPasswordInvalid", answer.Body, StringComparison.Ordinal);
        Assert.Empty(_share.Journal.OfType<ReadingAccepted>());
    }
}
