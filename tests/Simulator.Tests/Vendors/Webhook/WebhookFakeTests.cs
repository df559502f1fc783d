using System.Text;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Webhook;

namespace Simulator.Tests.Vendors.Webhook;

/// <summary>The generic webhook receiver: POST any JSON to /hooks/{name}, optionally with a shared secret.</summary>
public sealed class WebhookFakeTests
{
    private const string Secret = "sim-hook-secret";
    private const string Alert = """{"patient":"child-1","follower":"parent-1","alert":"urgent-low","mgdl":54,"readingAt":"2019-11-30T07:55:00Z"}""";

    private static readonly DateTimeOffset Now = Rig.T0.AddHours(2);

    private sealed class Harness : IDisposable
    {
        public Harness(WebhookOptions? options = null, params FaultSpec[] faults)
        {
            Context = Rig.Context(new ManualClock(Now), faults);
            Fake = new WebhookFake(Context, options ?? new WebhookOptions { Secret = Secret });
            Fake.Start();
            Client = new HttpClient { BaseAddress = Fake.BaseUrl };
        }

        public FakeContext Context { get; }
        public RunJournal Journal => Context.Journal;
        public WebhookFake Fake { get; }
        public HttpClient Client { get; }

        public async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret, string path = "/hooks/parent-1", string? header = "X-Webhook-Secret")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (secret is not null && header is not null) request.Headers.Add(header, secret);
            return await Client.SendAsync(request);
        }

        public void Dispose()
        {
            Client.Dispose();
            Fake.Dispose();
        }
    }

    private static async Task<string> Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n{await response.Content.ReadAsStringAsync()}\n";

    private static async Task AssertError(HttpResponseMessage response, int status, string error)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.False(string.IsNullOrEmpty(body.Str("message")));
    }

    [Fact]
    public async Task A_delivery_with_the_secret_is_answered_200_and_journaled_raw()
    {
        using var hook = new Harness();

        using var response = await hook.PostAsync(Alert);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        var push = Assert.Single(hook.Journal.OfType<PushReceived>());
        Assert.Equal(("webhook", Alert, Now), (push.Channel, push.Payload, push.At));
        Assert.Equal(new Uri(hook.Fake.BaseUrl, "/hooks/parent-1"), hook.Fake.HookUrl("parent-1"));
    }

    [Fact]
    public async Task The_answer_and_base_path_are_configurable_and_without_a_secret_nothing_is_checked()
    {
        using var hook = new Harness(new WebhookOptions { BasePath = "/notify/", SuccessStatus = 204, SuccessBody = null });

        using var response = await hook.PostAsync("[1,2,3]", secret: null, path: "/notify/team/a");
        using var outside = await hook.PostAsync("{}", secret: null, path: "/hooks/parent-1");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("[1,2,3]", Assert.Single(hook.Journal.OfType<PushReceived>()).Payload);
        await AssertError(outside, 404, "not_found");
    }

    [Fact]
    public async Task The_warm_up_reaches_the_handler_but_delivers_nothing()
    {
        using var hook = new Harness(new WebhookOptions());

        await hook.Fake.WarmUpAsync(hook.Client, CancellationToken.None);

        Assert.Empty(hook.Journal.OfType<PushReceived>());
        Assert.Empty(hook.Journal.OfType<RequestServed>());
    }

    [Fact]
    public void A_success_status_outside_2xx_is_refused()
    {
        var context = Rig.Context(new ManualClock(Now));

        Assert.Throws<ArgumentException>(() => new WebhookFake(context, new WebhookOptions { SuccessStatus = 302 }));
    }

    [Theory]
    [InlineData("wrong-secret", "X-Webhook-Secret")]
    [InlineData(Secret, "X-Other-Header")]
    [InlineData(null, null)]
    public async Task A_missing_or_wrong_secret_is_401(string? secret, string? header)
    {
        using var hook = new Harness();

        using var response = await hook.PostAsync(Alert, secret, header: header);

        await AssertError(response, 401, "unauthorized");
        Golden.Match(await Describe(response), "Webhook.unauthorized");
        Assert.Empty(hook.Journal.OfType<PushReceived>());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("""{"a":1}{"b":2}""")]
    public async Task A_body_that_is_not_json_is_400(string body)
    {
        using var hook = new Harness();

        using var response = await hook.PostAsync(body);

        await AssertError(response, 400, "invalid_json");
        Golden.Match(await Describe(response), "Webhook.invalidJson");
        Assert.Empty(hook.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Only_post_is_accepted()
    {
        using var hook = new Harness();

        using var response = await hook.Client.GetAsync(new Uri("/hooks/parent-1", UriKind.Relative));

        await AssertError(response, 405, "method_not_allowed");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_push_failure_drop_answers_as_usual_and_delivers_nothing()
    {
        using var hook = new Harness(null, Rig.Fault("webhook", "send", Now.AddMinutes(-1), new PushFailureFaultOptions()));

        using var response = await hook.PostAsync(Alert);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(hook.Journal.OfType<PushReceived>());
        var served = await Eventually.JournaledAsync<RequestServed>(hook.Journal, r => r.Vendor == "webhook", "the dropped delivery");
        Assert.Equal(("send", 200, "push-failure"), (served.Endpoint, served.Status, served.Fault));
    }

    [Fact]
    public async Task A_partial_drop_picks_deliveries_by_the_patient_in_the_body()
    {
        using var hook = new Harness(null, Rig.Fault("webhook", "send", Now.AddMinutes(-1),
            new PushFailureFaultOptions { Where = new RequestFaultFilter { Accounts = ["child-2"] } }));

        using var kept = await hook.PostAsync(Alert);
        using var dropped = await hook.PostAsync(Alert.Replace("child-1", "child-2", StringComparison.Ordinal));

        Assert.Equal((200, 200), ((int)kept.StatusCode, (int)dropped.StatusCode));
        Assert.Equal(Alert, Assert.Single(hook.Journal.OfType<PushReceived>()).Payload);
    }

    [Fact]
    public async Task An_outage_answers_the_small_json_error()
    {
        using var hook = new Harness(null, Rig.Fault("webhook", null, Now.AddMinutes(-1), new OutageFaultOptions { StatusCode = 502 }));

        using var response = await hook.PostAsync(Alert);

        await AssertError(response, 502, "server_error");
        Golden.Match(await Describe(response), "Webhook.outage502");
        Assert.Empty(hook.Journal.OfType<PushReceived>());
    }
}
