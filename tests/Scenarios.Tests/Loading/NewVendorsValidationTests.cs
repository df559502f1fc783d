using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>
/// LibreLinkUp, Dexcom API v3, APNs, Twilio and webhooks in play: which roles each can take, and what the built-in
/// ReferenceSystem (Share/Nightscout in, FCM out) can be bound to.
/// </summary>
public class NewVendorsValidationTests
{
    private static string Scenario(string vendors, string extra = "", string patient = "") => $"""
        name: t
        title: Test scenario
        start: 2024-01-01T00:00:00Z
        duration: 6h
        vendors: {vendors}
        patients:
          - id: child-1
            trace: {"{"} source: scripted, points: {"{"} 0h: 120, 6h: 60 {"}"} {"}"}
            followers: [parent-1]
        {patient}
        {extra}
        """;

    private const string External = "sut: { url: http://127.0.0.1:5300 }";

    [Fact]
    public void An_external_system_follows_librelinkup_fed_directly_by_the_run()
    {
        var scenario = Load(Scenario("[librelinkup, apns]", External));
        var patient = Assert.Single(scenario.Patients);
        Assert.Empty(patient.UploadsTo);
        Assert.Equal([VendorIds.LibreLinkUp], patient.FollowVia);
        Assert.Equal(VendorIds.Apns, Assert.Single(patient.Followers).Channel);
    }

    [Fact]
    public void By_default_a_patient_is_followed_through_uploads_then_the_vendors_the_run_feeds()
    {
        var patient = Assert.Single(Load(Scenario("[dexcom-share, dexcom-api, librelinkup, twilio]", External)).Patients);
        Assert.Equal([VendorIds.DexcomShare], patient.UploadsTo);
        Assert.Equal([VendorIds.DexcomShare, VendorIds.DexcomApi, VendorIds.LibreLinkUp], patient.FollowVia);
    }

    [Fact]
    public void With_the_built_in_system_the_default_follow_leaves_out_what_it_cannot_follow()
    {
        var patient = Assert.Single(Load(Scenario("[dexcom-share, librelinkup, fcm]")).Patients);
        Assert.Equal([VendorIds.DexcomShare], patient.FollowVia);
    }

    [Fact]
    public void Nobody_uploads_to_librelinkup_from_a_phone()
    {
        Assert.Equal(
            Error(10, 15, "patients[0].uploads[0]", "no phone app uploads to 'librelinkup' over an API the harness can play; the run feeds its cloud directly, so leave it out of uploads (it can still be followed)"),
            SingleError(Scenario("[dexcom-share, librelinkup, fcm]", patient: "    uploads: [librelinkup]")));
    }

    [Fact]
    public void The_built_in_system_cannot_follow_through_dexcom_api()
    {
        Assert.Equal(
            Error(10, 14, "patients[0].follow[0]", "the built-in reference system follows only through dexcom-share or nightscout, not 'dexcom-api'; follow through one of those, or bind your own system with sut: { url: ... }"),
            SingleError(Scenario("[dexcom-share, dexcom-api, fcm]", patient: "    follow: [dexcom-api]")));
    }

    [Fact]
    public void With_the_built_in_system_and_only_librelinkup_there_is_nothing_to_follow()
    {
        Assert.Equal(
            Error(7, 5, "patients[0]", "nothing to follow: the built-in reference system follows through dexcom-share or nightscout, and neither is in vendors; add one to vendors"),
            SingleError(Scenario("[librelinkup, fcm]")));
    }

    [Fact]
    public void The_built_in_system_notifies_only_through_fcm()
    {
        var yaml = Scenario("[dexcom-share, fcm, apns]").Replace("followers: [parent-1]", "followers: [{ id: parent-1, channel: apns }]", StringComparison.Ordinal);
        Assert.Equal(
            Error(9, 42, "patients[0].followers[0].channel", "the built-in reference system notifies followers only through fcm, not 'apns'; use that channel, or bind your own system with sut: { url: ... }"),
            SingleError(yaml));
    }

    [Fact]
    public void With_the_built_in_system_the_default_channel_skips_push_vendors_it_cannot_use()
    {
        var follower = Assert.Single(Assert.Single(Load(Scenario("[dexcom-share, twilio, fcm]")).Patients).Followers);
        Assert.Equal(VendorIds.Fcm, follower.Channel);
    }

    [Fact]
    public void An_external_system_may_notify_through_twilio_and_webhooks()
    {
        var yaml = Scenario("[nightscout, twilio, webhook]", External)
            .Replace("followers: [parent-1]", "followers: [{ id: parent-1, channel: twilio }, { id: nurse, channel: webhook }]", StringComparison.Ordinal);
        Assert.Equal([VendorIds.Twilio, VendorIds.Webhook], Assert.Single(Load(yaml).Patients).Followers.Select(f => f.Channel));
    }

    [Fact]
    public void A_stale_fault_can_target_librelinkup_as_in_2023()
    {
        var yaml = Scenario("[librelinkup, fcm]", External + "\nfaults:\n  - { target: librelinkup/read, kind: stale, at: 1h, for: 20m }");
        var fault = Assert.Single(Load(yaml).Faults);
        Assert.Equal(new FaultTarget(VendorIds.LibreLinkUp, "read"), fault.Target);
    }
}
