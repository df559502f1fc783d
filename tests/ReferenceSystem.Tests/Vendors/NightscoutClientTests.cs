using ReferenceSystem.Vendors;

namespace ReferenceSystem.Tests.Vendors;

public class NightscoutClientTests
{
    [Fact]
    public void Api_secret_header_is_lowercase_sha1_hex()
    {
        // SHA-1("abc") is the FIPS 180 test vector.
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", NightscoutClient.HashSecret("abc"));
    }

    [Fact]
    public void Keeps_sgv_entries_and_skips_others()
    {
        const string body = """
            [{"type":"sgv","sgv":112,"date":1575108000000,"dateString":"2019-11-30T10:00:00.000Z","direction":"Flat"},
             {"type":"mbg","mbg":100,"date":1575107000000},
             {"type":"sgv","date":1575106000000}]
            """;

        var readings = NightscoutClient.ParseEntries(body);

        var reading = Assert.Single(readings);
        Assert.Equal(112, reading.Mgdl);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1575108000000), reading.SensorTime);
        Assert.Equal("nightscout", reading.Source);
        Assert.Equal("Flat", reading.Trend);
    }
}
