using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class PushFailureFaultParserTests
{
    private static PushFailureFaultOptions Options(string options) =>
        Assert.IsType<PushFailureFaultOptions>(Assert.Single(Load(Fault("push-failure", options, "fcm")).Faults).Options);

    [Fact]
    public void Defaults_to_dropping_every_message()
    {
        Assert.Equal(new PushFailureFaultOptions { Mode = PushFailureMode.Drop, Ratio = 1 }, Options(""));
    }

    [Fact]
    public void Fail_answers_like_an_outage()
    {
        Assert.Equal(
            new PushFailureFaultOptions { Mode = PushFailureMode.Fail, Response = OutageResponse.Timeout },
            Options("    mode: fail\n    response: timeout"));
    }

    [Fact]
    public void Ratio_and_platforms_pick_the_messages()
    {
        var options = Options("    ratio: 0.3\n    where: { platforms: [ios] }");

        Assert.Equal(0.3, options.Ratio);
        Assert.Equal([ClientPlatform.Ios], options.Where!.Platforms);
    }

    [Fact]
    public void Only_push_vendors_can_lose_notifications()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "a push-failure fault breaks notifications, so it applies only to push vendors (fcm, apns, twilio, webhook), not 'dexcom-share'; for a data vendor use outage"),
            SingleError(Fault("push-failure", "", "dexcom-share/read")));
    }

    [Fact]
    public void A_dropped_push_has_no_response_to_give()
    {
        Assert.Equal(
            Error(15, 15, "faults[0].response", "response says how a refused push is answered, so it goes with mode: fail; a dropped push is answered like a delivered one"),
            SingleError(Fault("push-failure", "    response: 503", "fcm")));
    }

    [Fact]
    public void Ratio_must_be_more_than_0_and_at_most_1()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].ratio", "ratio is the share of messages that are lost, so it must be more than 0 and at most 1, not 2"),
            SingleError(Fault("push-failure", "    ratio: 2", "fcm")));
    }

    [Fact]
    public void Misspelt_mode_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 11, "faults[0].mode", "unknown push-failure mode 'drp' (did you mean 'drop'?)"),
            SingleError(Fault("push-failure", "    mode: drp", "fcm")));
    }
}
