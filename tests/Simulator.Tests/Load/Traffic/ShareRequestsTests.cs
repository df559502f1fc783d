using Simulator.Glucose;
using Simulator.Load.Traffic;

namespace Simulator.Tests.Load.Traffic;

public sealed class ShareRequestsTests
{
    [Fact]
    public async Task The_upload_body_is_xdrips_shape_with_pascal_case_fields()
    {
        using var request = ShareRequests.PublisherUpload(new Uri("http://127.0.0.1:1/ShareWebServices/Services"), "s-1", "SM12345678",
            [new Reading("p", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), 99, Trend.SingleDown)]);

        var body = await request.Content!.ReadAsStringAsync();

        Assert.Equal("http://127.0.0.1:1/ShareWebServices/Services/Publisher/PostReceiverEgvRecords?sessionId=s-1", request.RequestUri!.ToString());
        Assert.Equal("""{"SN":"SM12345678","TA":-5,"Egvs":[{"DT":"/Date(1700000000000)/","ST":"/Date(1700000000000)/","Trend":6,"Value":99}]}""", body);
    }

    [Fact]
    public async Task The_follower_calls_send_what_pydexcom_sends()
    {
        var services = new Uri("http://127.0.0.1:1/ShareWebServices/Services/");

        using var login = ShareRequests.LoginById(services, Guid.Parse("6f1a2b3c-4d5e-4f60-8172-93a4b5c6d7e8"), "pw");
        using var read = ShareRequests.ReadLatest(services, "a-session");

        Assert.Equal("""{"accountId":"6f1a2b3c-4d5e-4f60-8172-93a4b5c6d7e8","password":"pw","applicationId":"d89443d2-327c-4a6f-89e5-496bbb0317db"}""",
            await login.Content!.ReadAsStringAsync());
        Assert.Equal("/ShareWebServices/Services/Publisher/ReadPublisherLatestGlucoseValues?sessionId=a-session&minutes=1440&maxCount=1", read.RequestUri!.PathAndQuery);
        Assert.Equal("{}", await read.Content!.ReadAsStringAsync());
        Assert.All(new[] { login, read }, r => Assert.Equal(HttpMethod.Post, r.Method));
    }

    [Fact]
    public void Only_a_lost_session_asks_for_a_new_login()
    {
        Assert.True(ShareRequests.IsSessionLost(500, """{"Code":"SessionIdNotFound","Message":"Failed to find session object."}"""));
        Assert.True(ShareRequests.IsSessionLost(500, """{"Code":"SessionNotValid"}"""));
        Assert.False(ShareRequests.IsSessionLost(500, """{"Code":"AccountPasswordInvalid"}"""));
        Assert.False(ShareRequests.IsSessionLost(400, ""));
        Assert.Equal("55555555-5555-5555-5555-555555555555", ShareRequests.ParseId("\"55555555-5555-5555-5555-555555555555\""));
    }
}
