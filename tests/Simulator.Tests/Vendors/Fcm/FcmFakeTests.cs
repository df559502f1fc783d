using System.Net.Http.Headers;
using System.Text.Json;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Fcm;

namespace Simulator.Tests.Vendors.Fcm;

/// <summary>FCM HTTP v1 send as a follower backend calls it (vendor-apis.md §5.1).</summary>
public sealed class FcmFakeTests : IDisposable
{
    private const string Project = "sim-project";
    private const string Token = "ya29.sim-access-token";
    private const string FcmErrorType = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    private readonly ManualClock _clock = new(Rig.T0.AddHours(2));
    private readonly FakeContext _context;
    private readonly FcmFake _fake;
    private readonly HttpClient _client;

    public FcmFakeTests()
    {
        _context = Rig.Context(_clock);
        _fake = new FcmFake(_context, Project, Token);
        _fake.Start();
        _client = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    internal const string UrgentLow =
        """{"message":{"token":"fcm-token-parent-1","notification":{"title":"Urgent low","body":"child-1: 54 mg/dL"},"data":{"patient":"child-1","mgdl":"54","alert":"urgent-low"},"android":{"priority":"high"}}}""";

    private async Task<HttpResponseMessage> SendAsync(string body, string? bearer = Token, string project = Project)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/projects/{project}/messages:send", UriKind.Relative))
        {
            Content = Http.JsonBody(body),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await _client.SendAsync(request);
    }

    /// <summary>Asserts Google's error envelope with an FcmError detail, the shape the Admin SDKs parse.</summary>
    internal static void AssertGoogleError(JsonElement body, int code, string status, string fcmErrorCode)
    {
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(status, error.Str("status"));
        Assert.False(string.IsNullOrEmpty(error.Str("message")));
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal(FcmErrorType, detail.Str("@type"));
        Assert.Equal(fcmErrorCode, detail.Str("errorCode"));
    }

    [Fact]
    public async Task A_validate_only_message_is_checked_and_answered_but_never_delivered()
    {
        var body = UrgentLow.Replace("{\"message\"", "{\"validate_only\":true,\"message\"", StringComparison.Ordinal);

        using var response = await SendAsync(body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"projects/{Project}/messages/fake_message_id", (await response.JsonAsync()).GetProperty("name").GetString());
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_valid_send_answers_the_message_name_and_journals_the_raw_payload()
    {
        using var response = await SendAsync(UrgentLow);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(["name"], body.EnumerateObject().Select(p => p.Name));
        Assert.Matches($"^projects/{Project}/messages/[0-9]+$", body.Str("name"));

        var push = Assert.Single(_context.Journal.OfType<PushReceived>());
        Assert.Equal("fcm", push.Channel);
        Assert.Equal(UrgentLow, push.Payload);
        Assert.Equal(_clock.GetUtcNow(), push.At);
    }

    [Fact]
    public async Task Topic_and_condition_targets_are_accepted_and_message_ids_are_unique()
    {
        using var first = await SendAsync("""{"message":{"topic":"child-1-alerts","data":{"mgdl":"54"}}}""");
        using var second = await SendAsync("""{"validate_only":false,"message":{"condition":"'a' in topics","notification":{"title":"x"}}}""");

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.NotEqual((await first.JsonAsync()).Str("name"), (await second.JsonAsync()).Str("name"));
        Assert.Equal(2, _context.Journal.OfType<PushReceived>().Count);
    }

    [Theory]
    [InlineData("ya29.someone-elses-token")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_bearer_gets_401_in_googles_envelope(string? bearer)
    {
        using var response = await SendAsync(UrgentLow, bearer);

        Assert.Equal(401, (int)response.StatusCode);
        // Google's front end refuses a bad OAuth token before FCM sees the message: UNAUTHENTICATED, and no FcmError detail
        // (THIRD_PARTY_AUTH_ERROR is about APNs/web-push credentials, vendor-apis.md §5.1).
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal(401, error.GetProperty("code").GetInt32());
        Assert.Equal("UNAUTHENTICATED", error.Str("status"));
        Assert.False(error.TryGetProperty("details", out _));
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Another_project_gets_403_SENDER_ID_MISMATCH()
    {
        using var response = await SendAsync(UrgentLow, project: "someone-elses-project");

        Assert.Equal(403, (int)response.StatusCode);
        AssertGoogleError(await response.JsonAsync(), 403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Theory]
    [InlineData("""{"message":{"token":"t","data":{"mgdl":54}}}""")]                      // data values must be strings
    [InlineData("""{"message":{"token":"t","data":{"urgent":true}}}""")]
    [InlineData("""{"message":{"token":"t","topic":"child-1-alerts"}}""")]              // two targets
    [InlineData("""{"message":{"notification":{"title":"no target"}}}""")]              // no target
    [InlineData("""{"token":"t"}""")]                                                     // no message
    public async Task An_invalid_message_gets_400_INVALID_ARGUMENT(string body)
    {
        using var response = await SendAsync(body);

        Assert.Equal(400, (int)response.StatusCode);
        AssertGoogleError(await response.JsonAsync(), 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_message_over_4096_bytes_gets_400()
    {
        var body = "{\"message\":{\"token\":\"t\",\"data\":{\"pad\":\"" + new string('x', 4100) + "\"}}}";

        using var response = await SendAsync(body);

        Assert.Equal(400, (int)response.StatusCode);
        AssertGoogleError(await response.JsonAsync(), 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task Sends_are_journaled_as_requests_to_the_send_endpoint()
    {
        using (await SendAsync(UrgentLow)) { }
        using (await SendAsync(UrgentLow, bearer: "nope")) { }

        await Eventually.UntilAsync(() => _context.Journal.OfType<RequestServed>().Count == 2, "two journaled sends");
        var served = _context.Journal.OfType<RequestServed>();
        Assert.All(served, s => Assert.Equal(("fcm", "send", "POST", $"/v1/projects/{Project}/messages:send"), (s.Vendor, s.Endpoint, s.Method, s.Path)));
        Assert.Equal([200, 401], served.Select(s => s.Status).Order());
    }
}
