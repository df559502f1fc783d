using System.Net.Http.Headers;
using System.Text;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Fcm;

namespace Simulator.Tests.Vendors.Fcm;

/// <summary>FCM HTTP v1 send's wire contract pinned as golden files (vendor-apis.md §5.1): every success and error shape.</summary>
public sealed class FcmContractTests : IDisposable
{
    private const string Project = "sim-project";
    private const string Token = "ya29.sim-access-token";
    private const string DeadToken = "fcm-token-uninstalled";

    private readonly ManualClock _clock = new(Rig.T0.AddHours(2));
    private readonly FakeContext _context;
    private readonly FcmFake _fake;
    private readonly HttpClient _client;

    public FcmContractTests()
    {
        _context = Rig.Context(_clock);
        _fake = new FcmFake(_context, Project, Token, [DeadToken]);
        _fake.Start();
        _client = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string? authorization = "Bearer " + Token, string project = Project,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/projects/{project}/messages:send", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _client.SendAsync(request);
    }

    private static async Task Approve(HttpResponseMessage response, string name, [System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Golden.Match(await ResponseText.RenderAsync(response), name, file);

    private static string To(string token) =>
        FcmFakeTests.UrgentLow.Replace("fcm-token-parent-1", token, StringComparison.Ordinal);

    [Fact]
    public async Task A_send_answers_the_message_name()
    {
        using var response = await SendAsync(FcmFakeTests.UrgentLow);

        await Approve(response, "Fcm.Send.200");
    }

    [Fact]
    public async Task A_validate_only_send_answers_the_fixed_name()
    {
        using var response = await SendAsync("""{"validate_only":true,"message":{"token":"t","data":{"a":"b"}}}""");

        await Approve(response, "Fcm.ValidateOnly.200");
    }

    [Fact]
    public async Task A_missing_bearer_answers_googles_401_without_an_fcm_error()
    {
        using var response = await SendAsync(FcmFakeTests.UrgentLow, authorization: null);

        await Approve(response, "Fcm.MissingCredential.401");
    }

    [Theory]
    [InlineData("Bearer ya29.someone-elses-token")]
    [InlineData("Basic dXNlcjpwYXNz")]   // not a bearer at all: missing, as Google sees it
    public async Task A_bad_oauth_token_answers_googles_401_without_an_fcm_error(string authorization)
    {
        using var response = await SendAsync(FcmFakeTests.UrgentLow, authorization);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.DoesNotContain("FcmError", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (authorization.StartsWith("Bearer", StringComparison.Ordinal)) await Approve(response, "Fcm.InvalidCredential.401");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task An_auth_fault_answers_as_a_revoked_oauth_token_does()
    {
        var context = Rig.Context(_clock, Rig.Fault(VendorIds.Fcm, null, _clock.GetUtcNow().AddMinutes(-1), new AuthFaultOptions { Mode = AuthMode.LoginFails }));
        using var fake = new FcmFake(context, Project, Token);
        fake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/projects/{Project}/messages:send", UriKind.Relative))
        {
            Content = Http.JsonBody(FcmFakeTests.UrgentLow),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.SendAsync(request);

        await Approve(response, "Fcm.AuthFault.401");
    }

    [Fact]
    public async Task Another_project_answers_403_SENDER_ID_MISMATCH()
    {
        using var response = await SendAsync(FcmFakeTests.UrgentLow, project: "someone-elses-project");

        await Approve(response, "Fcm.SenderIdMismatch.403");
    }

    [Fact]
    public async Task Malformed_json_answers_the_transcoders_message_in_a_400_INVALID_ARGUMENT()
    {
        using var response = await SendAsync("""{"message": {"token": "t",}""");

        await Approve(response, "Fcm.MalformedJson.400");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_answers_400_too()
    {
        using var response = await SendAsync("not json");

        await Approve(response, "Fcm.NotJson.400");
    }

    [Fact]
    public async Task A_wrong_content_type_answers_400_INVALID_ARGUMENT()
    {
        using var response = await SendAsync(FcmFakeTests.UrgentLow, contentType: "text/plain");

        await Approve(response, "Fcm.WrongContentType.400");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_non_string_data_value_answers_400_with_an_fcm_error()
    {
        using var response = await SendAsync("""{"message":{"token":"t","data":{"mgdl":54}}}""");

        await Approve(response, "Fcm.InvalidArgument.Data.400");
    }

    [Fact]
    public async Task A_message_over_the_limit_answers_400_and_a_topic_message_has_half_the_room()
    {
        var big = "{\"message\":{\"token\":\"t\",\"data\":{\"pad\":\"" + new string('x', 4100) + "\"}}}";
        var topicBig = "{\"message\":{\"topic\":\"alerts\",\"data\":{\"pad\":\"" + new string('x', 2100) + "\"}}}";
        var tokenSame = "{\"message\":{\"token\":\"t\",\"data\":{\"pad\":\"" + new string('x', 2100) + "\"}}}";

        using var tooBig = await SendAsync(big);
        using var topic = await SendAsync(topicBig);
        using var token = await SendAsync(tokenSame);

        await Approve(tooBig, "Fcm.TooBig.400");
        Assert.Equal(400, (int)topic.StatusCode);
        Assert.Equal(200, (int)token.StatusCode);
    }

    [Fact]
    public async Task An_unregistered_token_answers_404_UNREGISTERED_and_delivers_nothing()
    {
        using var response = await SendAsync(To(DeadToken));

        await Approve(response, "Fcm.Unregistered.404");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_token_can_be_marked_unregistered_during_a_run()
    {
        using var before = await SendAsync(To("fcm-token-parent-2"));
        _fake.MarkUnregistered("fcm-token-parent-2");
        using var after = await SendAsync(To("fcm-token-parent-2"));

        Assert.Equal(200, (int)before.StatusCode);
        Assert.Equal(404, (int)after.StatusCode);
        FcmFakeTests.AssertGoogleError(await after.JsonAsync(), 404, "NOT_FOUND", "UNREGISTERED");
        Assert.Single(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Callers_that_pass_no_unregistered_tokens_deliver_to_every_token()
    {
        using var fake = new FcmFake(_context, Project, Token);
        fake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/projects/{Project}/messages:send", UriKind.Relative))
        {
            Content = Http.JsonBody(To(DeadToken)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Outage_statuses_answer_the_fcm_error_body(int status)
    {
        var (contentType, body) = _fake.ErrorBody(status);

        Golden.Match($"{contentType}\n\n{body}", $"Fcm.ErrorBody.{status}");
    }
}
