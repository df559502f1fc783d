using LoadDriver.Targets;

namespace LoadDriver.Tests.Targets;

public class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://127.45.6.7/x")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://localhost:1234/")]
    [InlineData("https://LOCALHOST/")]
    public void Loopback_hosts_are_accepted(string url) => LoopbackGuard.Ensure(new Uri(url));

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://[::2]/")]
    [InlineData("https://share2.dexcom.com/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    public void Other_hosts_are_refused_with_one_sentence(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => LoopbackGuard.Ensure(new Uri(url)));

        Assert.Equal($"Refusing to send load to '{new Uri(url)}': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost).", e.Message);
    }

    [Fact]
    public void A_request_delegate_cannot_be_built_for_a_remote_url()
    {
        using var client = new HttpClient();

        Assert.Throws<ArgumentException>(() => HttpTargets.Get(client, new Uri("http://192.168.1.10/")));
    }
}
