using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Tests.Vendors.Fcm;
using Simulator.Time;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Tests.Faults.PushFailure;

/// <summary>
/// CareLink, April 2024: glucose kept flowing to the follower, pump notifications stopped reaching it. The push fake
/// fails, or accepts and never delivers, while the data vendors are fine.
/// </summary>
public sealed class PushFailureFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);

    private static FaultSpec PushFailure(PushFailureFaultOptions options) => Rig.Fault("fcm", null, At, At.AddHours(1), options);

    [Fact]
    public async Task A_dropped_push_is_answered_like_a_sent_one_and_never_delivered_while_share_serves_data()
    {
        var context = Rig.Context(new ManualClock(At), PushFailure(new PushFailureFaultOptions()));
        using var fcm = new FcmHarness(context);
        using var share = new DexcomShareFake(context, [ShareHarness.Account], ShareHarness.DisplayOffset, new Random(7));
        share.Start();
        share.Store.Accept(new Reading(ShareHarness.Account.Patient, At, 54, Trend.SingleDown));
        using var shareClient = new HttpClient { BaseAddress = share.ServicesUrl };

        using var sent = await fcm.SendAsync(FcmHarness.Alert());
        using var auth = await shareClient.PostAsync(new Uri("General/LoginPublisherAccountByName", UriKind.Relative),
            Http.JsonBody(new { accountName = ShareHarness.Account.AccountName, password = ShareHarness.Account.Password, applicationId = ShareHarness.ApplicationId }));
        var session = (await auth.JsonAsync()).GetString();
        using var read = await shareClient.PostAsync(new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=10&maxCount=1", UriKind.Relative), Http.JsonBody(new { }));

        Assert.Equal(200, (int)sent.StatusCode);
        Assert.Matches("^projects/sim-project/messages/[0-9]+$", (await sent.JsonAsync()).Str("name"));
        Assert.Equal(54, Assert.Single((await read.JsonAsync()).EnumerateArray()).GetProperty("Value").GetInt32());
        Assert.Empty(context.Journal.OfType<PushReceived>());
        var journaled = await Eventually.JournaledAsync<RequestServed>(context.Journal, r => r.Vendor == "fcm", "the dropped send");
        Assert.Equal((200, "push-failure"), (journaled.Status, journaled.Fault));
    }

    [Fact]
    public async Task A_failing_push_channel_answers_in_fcms_words()
    {
        using var fcm = new FcmHarness(new ManualClock(At), PushFailure(new PushFailureFaultOptions { Mode = PushFailureMode.Fail, StatusCode = 503 }));

        using var response = await fcm.SendAsync(FcmHarness.Alert());

        Assert.Equal(503, (int)response.StatusCode);
        FcmFakeTests.AssertGoogleError(await response.JsonAsync(), 503, "UNAVAILABLE", "UNAVAILABLE");
        Assert.Empty(fcm.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Only_ios_pushes_are_lost_when_the_fault_says_so()
    {
        using var fcm = new FcmHarness(new ManualClock(At), PushFailure(new PushFailureFaultOptions { Where = new RequestFaultFilter { Platforms = [ClientPlatform.Ios] } }));

        using var ios = await fcm.SendAsync(FcmHarness.Alert(ios: true));
        using var android = await fcm.SendAsync(FcmHarness.Alert(ios: false));

        Assert.Equal((200, 200), ((int)ios.StatusCode, (int)android.StatusCode));
        var delivered = Assert.Single(fcm.Journal.OfType<PushReceived>());
        Assert.Contains("\"android\"", delivered.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_message_still_gets_fcms_own_error_while_pushes_are_dropped()
    {
        using var fcm = new FcmHarness(new ManualClock(At), PushFailure(new PushFailureFaultOptions { Where = new RequestFaultFilter { Accounts = ["child-1"] } }));

        using var response = await fcm.SendAsync("{not json");

        Assert.Equal(400, (int)response.StatusCode);
        FcmFakeTests.AssertGoogleError(await response.JsonAsync(), 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task A_push_failure_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Rig.T0, speed: 1);
        var (at, until) = WindowProbe.Window(Rig.T0);
        using var fcm = new FcmHarness(clock, Rig.Fault("fcm", null, at, until, new PushFailureFaultOptions()));

        await WindowProbe.AssertFollowsWindowAsync(clock, fcm.Journal, "push-failure", async () =>
        {
            using var response = await fcm.SendAsync(FcmHarness.Alert());
        });
    }
}
