using System.Net;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Tests.Vendors;

public class DexcomShareClientTests
{
    [Fact]
    public void Parses_WT_epoch_ms_value_trend_and_DT_offset()
    {
        const string body = """
            [{"WT":"Date(1575102120000)","ST":"Date(1575102120000)","DT":"Date(1575102120000-0500)","Value":52,"Trend":"SingleDown"},
             {"WT":"/Date(1575101820000)/","ST":"/Date(1575101820000)/","DT":"/Date(1575101820000+0130)/","Value":61,"Trend":6}]
            """;

        var readings = DexcomShareClient.ParseReadings(body);

        Assert.Equal(2, readings.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1575102120000), readings[0].SensorTime);
        Assert.Equal("2019-11-30T08:22:00.000Z", readings[0].SensorTimeIso);
        Assert.Equal(52, readings[0].Mgdl);
        Assert.Equal("SingleDown", readings[0].Trend);
        Assert.Equal(TimeSpan.FromHours(-5), readings[0].DisplayOffset);
        Assert.Equal("dexcom-share", readings[0].Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1575101820000), readings[1].SensorTime);
        Assert.Equal("6", readings[1].Trend);
        Assert.Equal(new TimeSpan(1, 30, 0), readings[1].DisplayOffset);
    }

    [Theory]
    [InlineData("SessionIdNotFound")]
    [InlineData("SessionNotValid")]
    public void Session_error_codes_mean_log_in_again(string code)
    {
        var failure = DexcomShareClient.Failure(HttpStatusCode.InternalServerError, $$"""{"Code":"{{code}}","Message":"x"}""");

        Assert.IsType<ShareSessionExpiredException>(failure);
    }

    [Theory]
    [InlineData(500, """{"Code":"AccountPasswordInvalid"}""", "HTTP 500 AccountPasswordInvalid")]
    [InlineData(503, "", "HTTP 503")]
    [InlineData(400, "<html/>", "HTTP 400")]
    public void Other_errors_are_plain_source_failures(int status, string body, string message)
    {
        var failure = DexcomShareClient.Failure((HttpStatusCode)status, body);

        Assert.IsNotType<ShareSessionExpiredException>(failure);
        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void A_body_that_is_not_an_array_is_a_failure()
    {
        Assert.Throws<SourceException>(() => DexcomShareClient.ParseReadings("""{"Code":"x"}"""));
    }
}
