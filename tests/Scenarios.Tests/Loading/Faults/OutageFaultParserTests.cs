using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class OutageFaultParserTests
{
    private static OutageFaultOptions Options(string options) =>
        Assert.IsType<OutageFaultOptions>(Assert.Single(Load(Fault("outage", options)).Faults).Options);

    [Fact]
    public void Defaults_to_503_on_every_request()
    {
        Assert.Equal(new OutageFaultOptions { Response = OutageResponse.Status, StatusCode = 503, Ratio = 1 }, Options(""));
    }

    [Theory]
    [InlineData("response: 429", OutageResponse.Status, 429)]
    [InlineData("response: 599", OutageResponse.Status, 599)]
    [InlineData("response: reset", OutageResponse.Reset, 503)]
    [InlineData("response: timeout", OutageResponse.Timeout, 503)]
    public void Response_is_a_status_reset_or_timeout(string line, OutageResponse response, int status)
    {
        var options = Options("    " + line);

        Assert.Equal(response, options.Response);
        Assert.Equal(status, options.StatusCode);
    }

    [Fact]
    public void Ratio_makes_the_outage_intermittent()
    {
        Assert.Equal(0.25, Options("    ratio: 0.25").Ratio);
    }

    [Theory]
    [InlineData("200")]
    [InlineData("399")]
    [InlineData("600")]
    public void Response_status_must_be_an_error_status(string status)
    {
        Assert.Equal(
            Error(15, 15, "faults[0].response", $"{status} is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed"),
            SingleError(Fault("outage", $"    response: {status}")));
    }

    [Fact]
    public void Misspelt_response_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 15, "faults[0].response", "unknown response 'timout' (did you mean 'timeout'?)"),
            SingleError(Fault("outage", "    response: timout")));
    }

    [Fact]
    public void Unknown_response_explains_the_choices()
    {
        Assert.Equal(
            Error(15, 15, "faults[0].response", "'refused' is not an outage response; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed"),
            SingleError(Fault("outage", "    response: refused")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void Ratio_must_be_more_than_0_and_at_most_1(string ratio)
    {
        Assert.Equal(
            Error(15, 12, "faults[0].ratio", $"ratio is the share of requests that fail, so it must be more than 0 and at most 1, not {ratio}"),
            SingleError(Fault("outage", $"    ratio: {ratio}")));
    }

    [Theory]
    [InlineData("response: empty", OutageResponse.Empty)]
    [InlineData("response: malformed", OutageResponse.Malformed)]
    public void Empty_and_malformed_answers_default_to_200(string line, OutageResponse response)
    {
        Assert.Equal(new OutageFaultOptions { Response = response, StatusCode = 200 }, Options("    " + line));
    }

    [Fact]
    public void Status_sets_the_status_of_an_empty_answer()
    {
        Assert.Equal(new OutageFaultOptions { Response = OutageResponse.Empty, StatusCode = 502 }, Options("    response: empty\n    status: 502"));
    }

    [Fact]
    public void Status_goes_only_with_an_empty_or_malformed_answer()
    {
        Assert.Equal(
            Error(16, 13, "faults[0].status", "status sets the status of an empty or malformed answer (response: empty or malformed); for an error status write it as the response, e.g. response: 500"),
            SingleError(Fault("outage", "    response: 503\n    status: 500")));
    }

    [Fact]
    public void A_malformed_answer_needs_a_status_with_a_body()
    {
        Assert.Equal(
            Error(16, 13, "faults[0].status", "a malformed answer needs a status that carries a body: 200..599 other than 204, 205 and 304 (default 200), not 204"),
            SingleError(Fault("outage", "    response: malformed\n    status: 204")));
    }

    [Fact]
    public void An_empty_answer_needs_an_http_status()
    {
        Assert.Equal(
            Error(16, 13, "faults[0].status", "an empty answer needs an HTTP status 200..599 (default 200), not 199"),
            SingleError(Fault("outage", "    response: empty\n    status: 199")));
    }

    [Fact]
    public void Misspelt_empty_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 15, "faults[0].response", "unknown response 'emtpy' (did you mean 'empty'?)"),
            SingleError(Fault("outage", "    response: emtpy")));
    }

    [Fact]
    public void An_outage_may_carry_a_where_filter()
    {
        var where = Options("    where: { accounts: [child-1], ratio: 0.5 }").Where!;

        Assert.Equal(["child-1"], where.Accounts);
        Assert.Equal(0.5, where.Ratio);
    }
}
