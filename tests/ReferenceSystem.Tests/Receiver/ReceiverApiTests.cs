using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Receiver;

public class ReceiverApiTests
{
    public static TheoryData<string, string> BrokenBodies() => new()
    {
        { "empty body", "body" },
        { "missing clock", "clock" },
        { "missing link", "link" },
        { "websocket link", "link" },
        { "non-loopback link", "link" },
        { "link without port", "link" },
        { "non-loopback local alarms", "localAlarms" },
        { "policy high below low", "policy.highMgdl" },
        { "no transmitters", "transmitters" },
        { "missing link id", "transmitters[0].linkId" },
        { "short transmitter id", "transmitters[0].transmitterId" },
        { "missing patient", "transmitters[0].patient" },
        { "non-loopback share", "transmitters[0].share.baseUrl" },
        { "missing share password", "transmitters[0].share.password" },
        { "missing nightscout secret", "transmitters[0].nightscout.apiSecret" },
        { "link id of the wrong type", "transmitters[0].linkId" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_bad_body_is_400_naming_the_field(string breakage, string field)
    {
        await using var scenario = await ReceiverScenario.StartAsync();
        var text = Break(scenario.Body(), breakage);

        using var response = await scenario.Http.PostAsync(new Uri("/api/receiver", UriKind.Relative),
            new StringContent(text, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("error").GetString();
        Assert.NotNull(message);
        Assert.StartsWith(field + " ", message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeShare.Password + "\"", message, StringComparison.Ordinal);
        Assert.Equal(0, scenario.Transmitter.Connections);
    }

    [Fact]
    public async Task A_non_loopback_link_is_refused_with_a_clear_message()
    {
        await using var scenario = await ReceiverScenario.StartAsync();
        var body = scenario.Body();
        body["link"] = "tcp://192.0.2.10:7000";

        using var response = await scenario.Http.PostAsJsonAsync("/api/receiver", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"link must be a loopback address (127.0.0.1, ::1 or localhost), not 192.0.2.10"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_state_and_stop_follow_the_contract()
    {
        await using var scenario = await ReceiverScenario.StartAsync();

        using var started = await scenario.Http.PostAsJsonAsync("/api/receiver", scenario.Body());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("""{"status":"receiving","transmitters":1}""", await started.Content.ReadAsStringAsync());
        await Eventually.UntilAsync(() => scenario.Transmitter.Connections == 1, "the receiver connects to the link");

        var state = await scenario.StateAsync();
        Assert.Equal("receiving", state.GetProperty("status").GetString());
        var transmitter = state.GetProperty("transmitters")[0];
        Assert.Equal("child-1", transmitter.GetProperty("patient").GetString());
        Assert.Equal("8G1234", transmitter.GetProperty("transmitterId").GetString());
        Assert.Equal(0, transmitter.GetProperty("uploads").GetProperty("dexcom-share").GetProperty("pending").GetInt32());
        Assert.Equal(0, transmitter.GetProperty("uploads").GetProperty("nightscout").GetProperty("pending").GetInt32());

        using var stopped = await scenario.Http.DeleteAsync(new Uri("/api/receiver", UriKind.Relative));
        Assert.Equal("""{"status":"stopped"}""", await stopped.Content.ReadAsStringAsync());
        Assert.Equal("idle", (await scenario.StateAsync()).GetProperty("status").GetString());
    }

    private static string Break(JsonObject body, string breakage)
    {
        var transmitter = body["transmitters"]![0]!.AsObject();
        switch (breakage)
        {
            case "empty body": return "";
            case "missing clock": body.Remove("clock"); break;
            case "missing link": body.Remove("link"); break;
            case "websocket link": body["link"] = "ws://127.0.0.1:9000/ble"; break;
            case "non-loopback link": body["link"] = "tcp://10.0.0.5:9000"; break;
            case "link without port": body["link"] = "tcp://127.0.0.1"; break;
            case "non-loopback local alarms": body["localAlarms"] = "http://example.com/api/local-alarms"; break;
            case "policy high below low": body["policy"]!["highMgdl"] = 60; break;
            case "no transmitters": body["transmitters"] = new JsonArray(); break;
            case "missing link id": transmitter.Remove("linkId"); break;
            case "short transmitter id": transmitter["transmitterId"] = "8G12"; break;
            case "missing patient": transmitter.Remove("patient"); break;
            case "non-loopback share": transmitter["share"]!["baseUrl"] = "https://share2.dexcom.com/ShareWebServices/Services/"; break;
            case "missing share password": transmitter["share"]!["password"] = ""; break;
            case "missing nightscout secret": transmitter["nightscout"]!.AsObject().Remove("apiSecret"); break;
            case "link id of the wrong type": transmitter["linkId"] = "one"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
        return body.ToJsonString();
    }
}
