using System.Net.Http.Headers;
using System.Text;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Twilio;

namespace Simulator.Tests.Vendors.Twilio;

/// <summary>Twilio's create-message call as a follower backend makes it (vendor-apis.md §5.3).</summary>
public sealed class TwilioFakeTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "sim-auth-token-0001";
    private const string ApiKey = "SK0123456789abcdef0123456789abcdef";
    private const string ApiSecret = "sim-api-key-secret";
    private const string From = "+15005550006";
    private const string To = "+15551234567";
    private const string Body = "Urgent low: child-1 54 mg/dL, falling";

    private static readonly DateTimeOffset Now = Rig.T0.AddHours(2);

    private readonly ManualClock _clock = new(Now);
    private readonly FakeContext _context;
    private readonly TwilioFake _fake;
    private readonly HttpClient _client;

    public TwilioFakeTests() : this([]) { }

    private TwilioFakeTests(FaultSpec[] faults)
    {
        _context = Rig.Context(_clock, faults);
        _fake = new TwilioFake(_context, Options, new Random(7));
        _fake.Start();
        _client = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    private static TwilioOptions Options => new()
    {
        AccountSid = AccountSid, AuthToken = AuthToken,
        ApiKeys = new Dictionary<string, string> { [ApiKey] = ApiSecret },
        FromNumbers = [From, "+15005550007"],
    };

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private static TwilioFakeTests WithFaults(params FaultSpec[] faults) => new(faults);

    private async Task<HttpResponseMessage> SendAsync(IEnumerable<(string Name, string Value)> fields, string user = AccountSid, string secret = AuthToken,
        string account = AccountSid, bool auth = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/2010-04-01/Accounts/{account}/Messages.json", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (auth) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        return await _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendSmsAsync(string to = To, string? body = Body) =>
        SendAsync(body is null ? [("To", to), ("From", From)] : [("To", to), ("From", From), ("Body", body)]);

    private static async Task<string> Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n{await response.Content.ReadAsStringAsync()}\n";

    /// <summary>Asserts Twilio's error envelope as twilio-csharp's RestException reads it.</summary>
    private static async Task AssertTwilioError(HttpResponseMessage response, int status, int code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(["code", "message", "more_info", "status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", body.Str("more_info"));
        Assert.False(string.IsNullOrEmpty(body.Str("message")));
    }

    [Fact]
    public async Task A_valid_sms_is_answered_201_with_the_message_resource_and_journaled()
    {
        using var response = await SendSmsAsync();

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Matches("^SM[0-9a-f]{32}$", body.Str("sid"));
        Assert.Equal(("queued", "1", "0", "Sat, 30 Nov 2019 08:00:00 +0000"),
            (body.Str("status"), body.Str("num_segments"), body.Str("num_media"), body.Str("date_created")));
        Golden.Match(await Describe(response), "Twilio.created");

        var push = Assert.Single(_context.Journal.OfType<PushReceived>());
        Assert.Equal(("twilio", Now), (push.Channel, push.At));
        Assert.Equal($$"""{"sid":"{{body.Str("sid")}}","to":"{{To}}","from":"{{From}}","body":"{{Body}}"}""", push.Payload);
    }

    [Fact]
    public async Task Sids_are_unique_and_long_bodies_count_their_segments()
    {
        using var first = await SendSmsAsync();
        using var second = await SendSmsAsync(body: new string('x', 161));
        using var unicode = await SendSmsAsync(body: "Niedrig ↓ " + new string('é', 70));

        var (a, b) = (await first.JsonAsync(), await second.JsonAsync());
        Assert.NotEqual(a.Str("sid"), b.Str("sid"));
        Assert.Equal("2", b.Str("num_segments"));
        Assert.Equal("2", (await unicode.JsonAsync()).Str("num_segments"));
    }

    [Fact]
    public async Task A_messaging_service_sends_without_from_and_the_message_is_accepted()
    {
        using var response = await SendAsync([("To", To), ("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"), ("Body", Body)]);

        Assert.Equal(201, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("accepted", "MG0123456789abcdef0123456789abcdef"), (body.Str("status"), body.Str("messaging_service_sid")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("from").ValueKind);
        Assert.Contains("\"from\":\"MG0123456789abcdef0123456789abcdef\"", Assert.Single(_context.Journal.OfType<PushReceived>()).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_authenticates_for_the_account()
    {
        using var response = await SendAsync([("To", To), ("From", From), ("Body", Body)], user: ApiKey, secret: ApiSecret);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(AccountSid, (await response.JsonAsync()).Str("account_sid"));
    }

    [Fact]
    public async Task An_invalid_to_number_is_21211()
    {
        using var response = await SendSmsAsync(to: "555-1234");

        await AssertTwilioError(response, 400, 21211);
        Golden.Match(await Describe(response), "Twilio.invalidTo");
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_missing_body_is_21602()
    {
        using var response = await SendSmsAsync(body: null);

        await AssertTwilioError(response, 400, 21602);
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Theory]
    [InlineData(null, From, Body, 21604)]
    [InlineData(To, null, Body, 21603)]
    [InlineData(To, "15005550006", Body, 21212)]
    [InlineData(To, "+15005559999", Body, 21606)]
    public async Task Other_invalid_messages_get_twilios_codes(string? to, string? from, string body, int code)
    {
        var fields = new List<(string, string)> { ("Body", body) };
        if (to is not null) fields.Add(("To", to));
        if (from is not null) fields.Add(("From", from));

        using var response = await SendAsync(fields);

        await AssertTwilioError(response, 400, code);
    }

    [Fact]
    public async Task A_body_over_1600_characters_is_21617()
    {
        using var response = await SendSmsAsync(body: new string('x', 1601));

        await AssertTwilioError(response, 400, 21617);
    }

    [Theory]
    [InlineData(AccountSid, "wrong-token", AccountSid, true)]
    [InlineData(ApiKey, "wrong-secret", AccountSid, true)]
    [InlineData(AccountSid, AuthToken, "AC99999999999999999999999999999999", true)]
    [InlineData(AccountSid, AuthToken, AccountSid, false)]
    public async Task Bad_credentials_are_20003_with_a_basic_challenge(string user, string secret, string account, bool auth)
    {
        using var response = await SendAsync([("To", To), ("From", From), ("Body", Body)], user, secret, account, auth);

        await AssertTwilioError(response, 401, 20003);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Bad_credentials_answer_the_golden_20003()
    {
        using var response = await SendAsync([("To", To), ("From", From), ("Body", Body)], secret: "wrong-token");

        Golden.Match(await Describe(response), "Twilio.unauthenticated");
    }

    [Fact]
    public async Task The_warm_up_reaches_the_handler_but_sends_nothing()
    {
        await _fake.WarmUpAsync(_client, CancellationToken.None);

        Assert.Empty(_context.Journal.OfType<PushReceived>());
        Assert.Empty(_context.Journal.OfType<RequestServed>());
    }

    [Fact]
    public async Task An_unknown_resource_is_20404()
    {
        using var response = await _client.GetAsync(new Uri($"/2010-04-01/Accounts/{AccountSid}/Calls.json", UriKind.Relative));

        await AssertTwilioError(response, 404, 20404);
    }

    [Fact]
    public async Task A_push_failure_drop_answers_201_and_delivers_nothing()
    {
        using var faulted = WithFaults(Rig.Fault("twilio", "send", Now.AddMinutes(-1), new PushFailureFaultOptions()));

        using var response = await faulted.SendSmsAsync();

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Matches("^SM[0-9a-f]{32}$", (await response.JsonAsync()).Str("sid"));
        Assert.Empty(faulted._context.Journal.OfType<PushReceived>());
        var served = await Eventually.JournaledAsync<RequestServed>(faulted._context.Journal, r => r.Vendor == "twilio", "the dropped send");
        Assert.Equal(("send", 201, "push-failure"), (served.Endpoint, served.Status, served.Fault));
    }

    [Fact]
    public async Task An_invalid_message_still_gets_its_error_while_sms_are_dropped()
    {
        using var faulted = WithFaults(Rig.Fault("twilio", "send", Now.AddMinutes(-1), new PushFailureFaultOptions()));

        using var response = await faulted.SendSmsAsync(to: "nobody");

        await AssertTwilioError(response, 400, 21211);
    }

    [Theory]
    [InlineData(503, 20503)]
    [InlineData(429, 20429)]
    [InlineData(500, 20500)]
    public async Task An_outage_answers_twilios_error_envelope(int status, int code)
    {
        using var faulted = WithFaults(Rig.Fault("twilio", null, Now.AddMinutes(-1), new OutageFaultOptions { StatusCode = status }));

        using var response = await faulted.SendSmsAsync();

        await AssertTwilioError(response, status, code);
        if (status == 429) Golden.Match(await Describe(response), "Twilio.outage429");
        Assert.Empty(faulted._context.Journal.OfType<PushReceived>());
    }
}
