using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Apis;

public class FollowApiTests
{
    public static TheoryData<string, string> BrokenBodies() => new()
    {
        { "empty body", "body" },
        { "missing profile", "profile" },
        { "unknown profile", "profile" },
        { "seed of the wrong type", "seed" },
        { "relative clock url", "clock.url" },
        { "policy low below urgent low", "policy.lowMgdl" },
        { "missing fcm", "push.fcm" },
        { "missing fcm access token", "push.fcm.accessToken" },
        { "no patients", "patients" },
        { "missing share base url", "patients[0].share.baseUrl" },
        { "missing share password", "patients[0].share.password" },
        { "bad nightscout url", "patients[0].nightscout.baseUrl" },
        { "follower without token", "patients[0].followers[0].fcmToken" },
        { "patient id of the wrong type", "patients[0].id" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_bad_body_is_400_naming_the_field(string breakage, string field)
    {
        await using var scenario = await FollowScenario.StartAsync();
        var text = Break(scenario.Body("naive", withNightscout: true), breakage);

        using var response = await scenario.Http.PostAsync(new Uri("/api/follow", UriKind.Relative),
            new StringContent(text, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("error").GetString();
        Assert.NotNull(message);
        Assert.StartsWith(field + " ", message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeShare.Password + "\"", message, StringComparison.Ordinal);
        Assert.Empty(scenario.Share.Calls);
    }

    [Fact]
    public async Task An_unreachable_clock_is_400_naming_clock_url()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var body = scenario.Body("resilient");
        body["clock"]!["url"] = "http://127.0.0.1:1/clock";

        using var response = await scenario.Http.PostAsJsonAsync("/api/follow", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("{\"error\":\"clock.url ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_state_and_stop_follow_the_contract()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var t0 = scenario.Clock.Now;
        scenario.Share.Add(t0 - TimeSpan.FromMinutes(2), 52);

        using var started = await scenario.Http.PostAsJsonAsync("/api/follow", scenario.Body("naive", followers: 2));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("""{"status":"following","patients":1}""", await started.Content.ReadAsStringAsync());

        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count == 4, "urgent-low and low to both followers");
        await Eventually.UntilAsync(async () => (await scenario.StateAsync()).GetProperty("pushesSent").GetInt64() == 4,
            "state counts the pushes");

        var state = await scenario.StateAsync();
        Assert.Equal("following", state.GetProperty("status").GetString());
        Assert.Equal("naive", state.GetProperty("profile").GetString());
        var patient = state.GetProperty("patients")[0];
        Assert.Equal("child-1", patient.GetProperty("id").GetString());
        var newest = patient.GetProperty("newestReading");
        Assert.Equal(52, newest.GetProperty("mgdl").GetInt32());
        Assert.Equal("dexcom-share", newest.GetProperty("source").GetString());
        Assert.Equal(GlucoseIso(t0 - TimeSpan.FromMinutes(2)), newest.GetProperty("sensorTime").GetString());
        var share = patient.GetProperty("sources").GetProperty("dexcom-share");
        Assert.Equal(0, share.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotNull(share.GetProperty("lastSuccess").GetString());
        Assert.Equal(4, patient.GetProperty("pushesSent").GetInt64());
        Assert.DoesNotContain(FakeShare.Password, state.GetRawText(), StringComparison.Ordinal);

        using var stopped = await scenario.Http.DeleteAsync(new Uri("/api/follow", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("""{"status":"stopped","pushesSent":4}""", await stopped.Content.ReadAsStringAsync());
        Assert.Equal("idle", (await scenario.StateAsync()).GetProperty("status").GetString());

        // Nothing polls any more: a new poll would have come within 5 virtual minutes.
        var reads = scenario.Share.Calls.Count;
        await Eventually.UntilVirtualAsync(scenario.Clock, scenario.Clock.Now + TimeSpan.FromMinutes(11));
        Assert.Equal(reads, scenario.Share.Calls.Count);
    }

    [Fact]
    public async Task A_new_follow_replaces_the_current_job()
    {
        await using var scenario = await FollowScenario.StartAsync();
        scenario.Share.Add(scenario.Clock.Now - TimeSpan.FromMinutes(1), 120);

        await scenario.FollowAsync(scenario.Body("naive"));
        await scenario.FollowAsync(scenario.Body("resilient"));

        var state = await scenario.StateAsync();
        Assert.Equal("resilient", state.GetProperty("profile").GetString());
        Assert.Equal(1, state.GetProperty("patients").GetArrayLength());
    }

    private static string GlucoseIso(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds()).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Break(JsonObject body, string breakage)
    {
        var patient = body["patients"]![0]!.AsObject();
        switch (breakage)
        {
            case "empty body": return "";
            case "missing profile": body.Remove("profile"); break;
            case "unknown profile": body["profile"] = "sloppy"; break;
            case "seed of the wrong type": body["seed"] = "soon"; break;
            case "relative clock url": body["clock"]!["url"] = "/clock"; break;
            case "policy low below urgent low": body["policy"]!["lowMgdl"] = 40; break;
            case "missing fcm": body["push"]!.AsObject().Remove("fcm"); break;
            case "missing fcm access token": body["push"]!["fcm"]!.AsObject().Remove("accessToken"); break;
            case "no patients": body["patients"] = new JsonArray(); break;
            case "missing share base url": patient["share"]!.AsObject().Remove("baseUrl"); break;
            case "missing share password": patient["share"]!["password"] = ""; break;
            case "bad nightscout url": patient["nightscout"]!["baseUrl"] = "not a url"; break;
            case "follower without token": patient["followers"]![0]!.AsObject().Remove("fcmToken"); break;
            case "patient id of the wrong type": patient["id"] = 7; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
        return body.ToJsonString();
    }
}
