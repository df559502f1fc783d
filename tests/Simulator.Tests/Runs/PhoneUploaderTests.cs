using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Runs;
using Simulator.Tests.Support;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Runs;

public class PhoneUploaderTests
{
    private static Reading At(int minutes, int mgdl = 110) => new("child-1", Rig.T0.AddMinutes(minutes), mgdl, Trend.Flat);

    [Fact]
    public async Task Readings_that_failed_to_upload_go_again_with_the_next_one()
    {
        var clock = new ManualClock(Rig.T0);
        var outage = Rig.Fault(VendorIds.DexcomShare, "upload", Rig.T0, Rig.T0.AddMinutes(7), new OutageFaultOptions { StatusCode = 503 });
        var context = Rig.Context(clock, outage);
        var account = new ShareAccount("child-1", "child-1", "pw", Guid.NewGuid());
        using var share = new DexcomShareFake(context, [account], TimeSpan.FromHours(-5), new Random(1));
        share.Start();
        using var http = new HttpClient();

        await using (var phone = PhoneUploader.ToShare(http, clock, context.Journal, share.ServicesUrl, account))
        {
            phone.Enqueue(At(0));
            await Eventually.UntilAsync(() => context.Journal.OfType<UploadAttempted>().Count == 1, "the failed upload");
            clock.Set(Rig.T0.AddMinutes(10));
            phone.Enqueue(At(5));
            await Eventually.UntilAsync(() => context.Journal.OfType<UploadAttempted>().Count == 2, "the retry");
        }

        var attempts = context.Journal.OfType<UploadAttempted>();
        Assert.Equal((503, 1), (attempts[0].Status, attempts[0].Readings));
        Assert.Equal((200, 2), (attempts[1].Status, attempts[1].Readings));
        Assert.Equal([Rig.T0, Rig.T0.AddMinutes(5)], context.Journal.OfType<ReadingAccepted>().Select(a => a.SensorTime));
    }

    [Fact]
    public async Task Nightscout_uploads_carry_the_hashed_secret_and_keep_sensor_time_value_and_direction()
    {
        var clock = new ManualClock(Rig.T0.AddMinutes(1));
        var context = Rig.Context(clock);
        var site = new NightscoutSite("child-1", "a-secret-of-12+");
        using var nightscout = new NightscoutFake(context, [site]);
        nightscout.Start();
        using var http = new HttpClient();

        await using (var phone = PhoneUploader.ToNightscout(http, clock, context.Journal, nightscout.SiteUrl("child-1"), site))
            phone.Enqueue(new Reading("child-1", Rig.T0, 54, Trend.SingleDown));

        var stored = Assert.Single(nightscout.Store.Visible("child-1", Rig.T0.AddHours(-1), 10));
        Assert.Equal(new Reading("child-1", Rig.T0, 54, Trend.SingleDown), stored);
        Assert.Equal(200, Assert.Single(context.Journal.OfType<UploadAttempted>()).Status);
    }
}
