using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

public class SutValidationTests
{
    [Theory]
    [InlineData("{ builtin: reference-system }", "resilient")]
    [InlineData("{ builtin: reference-system, profile: naive }", "naive")]
    [InlineData("{ builtin: reference-system, profile: resilient }", "resilient")]
    public void Builtin_reference_system_takes_a_profile_defaulting_to_resilient(string sut, string profile)
    {
        Assert.Equal(new BuiltinSut(profile), Load(With($"sut: {sut}")).Sut);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5300")]
    [InlineData("http://127.8.9.10:80/base/")]
    [InlineData("https://localhost:5301")]
    [InlineData("http://[::1]:5300")]
    public void External_system_on_loopback_is_accepted(string url)
    {
        var sut = Assert.IsType<ExternalSut>(Load(With($"sut: {{ url: '{url}' }}")).Sut);

        Assert.Equal(new Uri(url), sut.BaseUrl);
    }

    [Theory]
    [InlineData("http://example.com:5300", "example.com")]
    [InlineData("http://10.0.0.5:5300", "10.0.0.5")]
    [InlineData("http://128.0.0.1", "128.0.0.1")]
    public void External_system_must_be_on_loopback(string url, string host)
    {
        Assert.Equal(
            Error(10, 13, "sut.url", $"'{host}' is not a loopback host; the harness only sends traffic to loopback (127.0.0.0/8, ::1, localhost) so a rehearsal can never reach a real service; run the system under test locally, e.g. http://127.0.0.1:5300"),
            SingleError(With($"sut: {{ url: {url} }}")));
    }

    [Theory]
    [InlineData("127.0.0.1:5300")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("/relative/path")]
    public void External_system_url_must_be_absolute_http(string url)
    {
        Assert.Equal(
            Error(10, 13, "sut.url", $"'{url}' is not an absolute http(s) URL; write e.g. http://127.0.0.1:5300"),
            SingleError(With($"sut: {{ url: '{url}' }}")));
    }

    [Fact]
    public void Builtin_and_url_together_is_rejected()
    {
        Assert.Equal(
            Error(10, 40, "sut.url", "give either 'builtin' or 'url', not both"),
            SingleError(With("sut: { builtin: reference-system, url: http://127.0.0.1:5300 }")));
    }

    [Fact]
    public void Neither_builtin_nor_url_is_rejected()
    {
        Assert.Equal(
            Error(10, 6, "sut", "say which system to test: { builtin: reference-system, profile: resilient } or { url: http://127.0.0.1:5300 }"),
            SingleError(With("sut: { profile: naive }")));
    }

    [Fact]
    public void Profile_with_an_external_url_is_rejected()
    {
        Assert.Equal(
            Error(10, 45, "sut.profile", "'profile' applies only to the built-in system; remove it or use builtin: reference-system"),
            SingleError(With("sut: { url: http://127.0.0.1:5300, profile: naive }")));
    }

    [Fact]
    public void Unknown_profile_gets_a_suggestion()
    {
        Assert.Equal(
            Error(10, 44, "sut.profile", "unknown profile 'resiliant' (did you mean 'resilient'?)"),
            SingleError(With("sut: { builtin: reference-system, profile: resiliant }")));
    }

    [Fact]
    public void Unknown_profile_with_nothing_close_lists_the_profiles()
    {
        Assert.Equal(
            Error(10, 44, "sut.profile", "unknown profile 'chaotic'; profiles: naive, resilient"),
            SingleError(With("sut: { builtin: reference-system, profile: chaotic }")));
    }

    [Fact]
    public void Unknown_builtin_system_gets_a_suggestion()
    {
        Assert.Equal(
            Error(10, 17, "sut.builtin", "unknown built-in system 'reference-sytem' (did you mean 'reference-system'?)"),
            SingleError(With("sut: { builtin: reference-sytem }")));
    }

    [Fact]
    public void Sut_must_be_a_mapping()
    {
        Assert.Equal(
            Error(10, 6, "sut", "expected a mapping of keys, e.g. { builtin: reference-system, profile: resilient } or { url: http://127.0.0.1:5300 }, found 'reference-system'"),
            SingleError(With("sut: reference-system")));
    }
}
