using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.Apns;

namespace Simulator.Tests.Vendors.Apns;

/// <summary>The APNs provider API as a follower backend calls it (vendor-apis.md §5.2), over real HTTP/2.</summary>
public sealed class ApnsFakeTests : IDisposable
{
    private readonly ManualClock _clock = new(Rig.T0.AddHours(2));
    private readonly ApnsHarness _apns;

    public ApnsFakeTests() => _apns = new ApnsHarness(_clock);

    public void Dispose() => _apns.Dispose();

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string reason)
    {
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(reason, body.Str("reason"));
        return body;
    }

    /// <summary>A request shaped to get one 400 reason.</summary>
    private static HttpRequestMessage Shaped(string reason)
    {
        Dictionary<string, string?> H(string name, string? value) => new() { [name] = value };
        switch (reason)
        {
            case ApnsReasons.BadCollapseId: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-collapse-id", new string('c', 65)));
            case ApnsReasons.BadDeviceToken: return ApnsHarness.Request("not-a-device-token");
            case ApnsReasons.BadExpirationDate: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-expiration", "tomorrow"));
            case ApnsReasons.BadMessageId: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-id", "message-1"));
            case ApnsReasons.BadPriority: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-priority", "7"));
            case ApnsReasons.BadTopic: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-topic", "com.example.cgmfollow/alerts"));
            case ApnsReasons.DeviceTokenNotForTopic: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-topic", "com.example.otherapp"));
            case ApnsReasons.DuplicateHeaders:
                var twice = ApnsHarness.Request(ApnsHarness.Parent1);
                twice.Headers.TryAddWithoutValidation("apns-priority", "5");
                return twice;
            case ApnsReasons.InvalidPushType: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-push-type", "banner"));
            case ApnsReasons.MissingDeviceToken: return ApnsHarness.Request("");
            case ApnsReasons.MissingTopic: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-topic", null));
            case ApnsReasons.PayloadEmpty: return ApnsHarness.Request(ApnsHarness.Parent1, body: "");
            case ApnsReasons.TopicDisallowed: return ApnsHarness.Request(ApnsHarness.Parent1, headers: H("apns-topic", "com.example.retired"));
            default: throw new ArgumentOutOfRangeException(nameof(reason), reason, "no request shape for it");
        }
    }

    private static readonly string[] BadRequestReasons =
    [
        ApnsReasons.BadCollapseId, ApnsReasons.BadDeviceToken, ApnsReasons.BadExpirationDate, ApnsReasons.BadMessageId, ApnsReasons.BadPriority,
        ApnsReasons.BadTopic, ApnsReasons.DeviceTokenNotForTopic, ApnsReasons.DuplicateHeaders, ApnsReasons.InvalidPushType,
        ApnsReasons.MissingDeviceToken, ApnsReasons.MissingTopic, ApnsReasons.PayloadEmpty, ApnsReasons.TopicDisallowed,
    ];

    [Fact]
    public async Task A_valid_push_is_answered_200_with_the_apns_id_echoed_and_journaled_for_the_scorer()
    {
        const string id = "EABEAE54-14A8-11E5-B60B-1697F925EC7B";

        using var response = await _apns.SendAsync(ApnsHarness.Parent1, headers: new Dictionary<string, string?>
        {
            ["apns-id"] = id, ["apns-expiration"] = "0", ["apns-collapse-id"] = "urgent-low, child-1",
        });

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(id.ToLowerInvariant(), Assert.Single(response.Headers.GetValues("apns-id")));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var push = Assert.Single(_apns.Journal.OfType<PushReceived>());
        Assert.Equal(("apns", _clock.GetUtcNow()), (push.Channel, push.At));
        Golden.Match(push.Payload, "apns-journaled-push");
        var payload = JsonDocument.Parse(push.Payload).RootElement;
        Assert.Equal(ApnsHarness.Parent1, payload.Str("token"));
        Assert.Equal("urgent-low", payload.GetProperty("body").Str("alert"));
    }

    [Fact]
    public async Task Without_an_apns_id_each_push_gets_a_new_uuid_from_the_seeded_randomness()
    {
        using var first = await _apns.SendAsync(ApnsHarness.Parent1);
        using var second = await _apns.SendAsync(ApnsHarness.Parent2);
        using var again = new ApnsHarness(new ManualClock(_clock.GetUtcNow()));
        using var replayed = await again.SendAsync(ApnsHarness.Parent1);

        var ids = new[] { first, second, replayed }.Select(r => Assert.Single(r.Headers.GetValues("apns-id"))).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
        Assert.Equal(2, _apns.Journal.OfType<PushReceived>().Count);
    }

    [Fact]
    public async Task Pushes_are_journaled_as_requests_to_the_send_endpoint()
    {
        using (await _apns.SendAsync(ApnsHarness.Parent1)) { }
        using (await _apns.SendAsync(ApnsHarness.Unknown)) { }

        await Eventually.UntilAsync(() => _apns.Journal.OfType<RequestServed>().Count == 2, "two journaled sends");
        var served = _apns.Journal.OfType<RequestServed>();
        Assert.All(served, s => Assert.Equal(("apns", "send", "POST"), (s.Vendor, s.Endpoint, s.Method)));
        Assert.Equal([200, 400], served.Select(s => s.Status).Order());
    }

    [Theory]
    [InlineData(ApnsReasons.BadCollapseId)]
    [InlineData(ApnsReasons.BadDeviceToken)]
    [InlineData(ApnsReasons.BadExpirationDate)]
    [InlineData(ApnsReasons.BadMessageId)]
    [InlineData(ApnsReasons.BadPriority)]
    [InlineData(ApnsReasons.BadTopic)]
    [InlineData(ApnsReasons.DeviceTokenNotForTopic)]
    [InlineData(ApnsReasons.DuplicateHeaders)]
    [InlineData(ApnsReasons.InvalidPushType)]
    [InlineData(ApnsReasons.MissingDeviceToken)]
    [InlineData(ApnsReasons.MissingTopic)]
    [InlineData(ApnsReasons.PayloadEmpty)]
    [InlineData(ApnsReasons.TopicDisallowed)]
    public async Task A_malformed_request_gets_400_with_its_reason_and_delivers_nothing(string reason)
    {
        using var response = await _apns.SendAsync(Shaped(reason));

        var body = await AssertErrorAsync(response, 400, reason);
        Assert.Equal(["reason"], body.EnumerateObject().Select(p => p.Name));
        Assert.Single(response.Headers.GetValues("apns-id"));
        Assert.Empty(_apns.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_well_formed_token_of_no_known_device_is_a_BadDeviceToken()
    {
        using var response = await _apns.SendAsync(ApnsHarness.Unknown);

        await AssertErrorAsync(response, 400, ApnsReasons.BadDeviceToken);
    }

    [Theory]
    [InlineData(null, ApnsReasons.MissingProviderToken)]
    [InlineData("garbage", ApnsReasons.InvalidProviderToken)]
    [InlineData("wrong-kid", ApnsReasons.InvalidProviderToken)]
    [InlineData("wrong-team", ApnsReasons.InvalidProviderToken)]
    [InlineData("other-key", ApnsReasons.InvalidProviderToken)]
    [InlineData("not-es256", ApnsReasons.InvalidProviderToken)]
    [InlineData("tampered", ApnsReasons.InvalidProviderToken)]
    [InlineData("basic", ApnsReasons.InvalidProviderToken)]
    [InlineData("61-minutes-old", ApnsReasons.ExpiredProviderToken)]
    public async Task A_missing_invalid_or_expired_provider_token_gets_403(string? shape, string reason)
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ApnsHarness.Request(ApnsHarness.Parent1);
        string? bearer = shape switch
        {
            null => null,
            "garbage" => "garbage",
            "wrong-kid" => _apns.Token(keyId: "KEY0000000"),
            "wrong-team" => _apns.Token(teamId: "TEAM000000"),
            "other-key" => _apns.Token(key: otherKey),
            "not-es256" => NotEs256(_apns.Token()),
            "tampered" => Tampered(_apns.Token()),
            "61-minutes-old" => _apns.Token(issuedAt: _clock.GetUtcNow().AddMinutes(-61)),
            _ => "",
        };
        if (shape == "basic") request.Headers.TryAddWithoutValidation("authorization", "basic dXNlcjpwYXNz");

        using var response = await _apns.SendAsync(request, bearer);

        await AssertErrorAsync(response, 403, reason);
        Assert.Empty(_apns.Journal.OfType<PushReceived>());
    }

    /// <summary>The same token with its header claiming HS256 (signature left as it was).</summary>
    private static string NotEs256(string jwt)
    {
        var parts = jwt.Split('.');
        parts[0] = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"HS256","kid":"KEY1234567"}"""u8);
        return string.Join('.', parts);
    }

    /// <summary>The same token with its iss claim changed after signing.</summary>
    private static string Tampered(string jwt)
    {
        var parts = jwt.Split('.');
        var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).RootElement;
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new { iss = claims.Str("iss"), iat = claims.GetProperty("iat").GetInt64() - 60 })));
        return string.Join('.', parts);
    }

    [Fact]
    public async Task A_token_expires_an_hour_after_it_was_issued_on_the_virtual_clock()
    {
        using (var fresh = await _apns.SendAsync(ApnsHarness.Parent1)) Assert.Equal(200, (int)fresh.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(61));

        using var stale = await _apns.SendAsync(ApnsHarness.Parent1);

        await AssertErrorAsync(stale, 403, ApnsReasons.ExpiredProviderToken);
    }

    [Fact]
    public async Task A_new_provider_token_sooner_than_20_minutes_on_one_connection_gets_429_TooManyProviderTokenUpdates()
    {
        using (var first = await _apns.SendAsync(ApnsHarness.Parent1)) Assert.Equal(200, (int)first.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var refreshed = _apns.Token();

        using (var early = await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), refreshed))
            await AssertErrorAsync(early, 429, ApnsReasons.TooManyProviderTokenUpdates);
        using (var old = await _apns.SendAsync(ApnsHarness.Parent1)) Assert.Equal(200, (int)old.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(15));
        using var onTime = await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), refreshed);

        Assert.Equal(200, (int)onTime.StatusCode);
        Assert.Equal(3, _apns.Journal.OfType<PushReceived>().Count);
    }

    [Fact]
    public async Task An_unregistered_device_gets_410_with_the_time_it_was_removed_and_an_expired_one_410_ExpiredToken()
    {
        var removed = Rig.T0.AddHours(1).AddMilliseconds(250);
        _apns.Fake.Unregister(ApnsHarness.Parent2, removed);
        _apns.Fake.ExpireToken(ApnsHarness.Parent1);

        using var unregistered = await _apns.SendAsync(ApnsHarness.Parent2);
        using var expired = await _apns.SendAsync(ApnsHarness.Parent1);

        var body = await AssertErrorAsync(unregistered, 410, ApnsReasons.Unregistered);
        Assert.Equal(removed.ToUnixTimeMilliseconds(), body.GetProperty("timestamp").GetInt64());
        await AssertErrorAsync(expired, 410, ApnsReasons.ExpiredToken);
        Assert.Empty(_apns.Journal.OfType<PushReceived>());
    }

    [Theory]
    [InlineData("alert", 4096, 200)]
    [InlineData("alert", 4097, 413)]
    [InlineData("voip", 5120, 200)]
    [InlineData("voip", 5121, 413)]
    public async Task Payloads_over_4_KB_or_5_KB_for_voip_get_413_PayloadTooLarge(string pushType, int size, int status)
    {
        var prefix = """{"aps":{"content-available":1},"pad":" """.TrimEnd();
        var body = prefix + new string('x', size - prefix.Length - 2) + "\"}";
        Assert.Equal(size, Encoding.UTF8.GetByteCount(body));
        var topic = pushType == "voip" ? ApnsHarness.Topic + ".voip" : ApnsHarness.Topic;

        using var response = await _apns.SendAsync(ApnsHarness.Parent1, body, new Dictionary<string, string?> { ["apns-push-type"] = pushType, ["apns-topic"] = topic });

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 413) await AssertErrorAsync(response, 413, ApnsReasons.PayloadTooLarge);
    }

    [Fact]
    public async Task Only_POST_is_allowed_and_other_paths_are_BadPath()
    {
        using var get = await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1, body: null, method: HttpMethod.Get));
        using var other = await _apns.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/3/devices/" + ApnsHarness.Parent1, UriKind.Relative))
        {
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact, Content = new StringContent(ApnsHarness.UrgentLow),
        });

        await AssertErrorAsync(get, 405, ApnsReasons.MethodNotAllowed);
        await AssertErrorAsync(other, 404, ApnsReasons.BadPath);
    }

    [Fact]
    public async Task A_shutting_down_server_answers_503_Shutdown_and_closes_the_connection()
    {
        _apns.Fake.BeginShutdown();

        using var first = await _apns.SendAsync(ApnsHarness.Parent1);
        using var second = await _apns.SendAsync(ApnsHarness.Parent1);

        await AssertErrorAsync(first, 503, ApnsReasons.Shutdown);
        await AssertErrorAsync(second, 503, ApnsReasons.Shutdown);
        Assert.Empty(_apns.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Http_1_1_is_refused_as_apns_does()
    {
        using var request = ApnsHarness.Request(ApnsHarness.Parent1);
        request.Version = HttpVersion.Version11;
        request.Headers.TryAddWithoutValidation("authorization", $"bearer {_apns.Bearer}");

        await Assert.ThrowsAsync<HttpRequestException>(() => _apns.Client.SendAsync(request));
        Assert.Empty(_apns.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Without_a_certificate_it_speaks_h2c_with_prior_knowledge()
    {
        using var plain = new ApnsHarness(_clock, tls: false, options: null);

        using var response = await plain.SendAsync(ApnsHarness.Parent1);

        Assert.Equal("http", plain.Fake.BaseUrl.Scheme);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(true, ApnsEnvironment.Production, 200, null)]
    [InlineData(true, ApnsEnvironment.Development, 403, ApnsReasons.BadCertificateEnvironment)]
    [InlineData(false, ApnsEnvironment.Production, 403, ApnsReasons.BadCertificate)]
    public async Task A_provider_certificate_instead_of_a_token_is_judged_by_thumbprint_and_environment(bool listed, ApnsEnvironment issuedFor, int status, string? reason)
    {
        using var clientCertificate = ProviderCertificate();
        var options = new ApnsOptions
        {
            Topic = ApnsHarness.Topic,
            ProviderCertificates = listed ? new Dictionary<string, ApnsEnvironment> { [clientCertificate.Thumbprint] = issuedFor } : new Dictionary<string, ApnsEnvironment>(),
        };
        using var apns = new ApnsHarness(_clock, tls: true, options);
        using var handler = apns.Certificate!.CreateTrustingHandler(_clock);
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { clientCertificate };
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        using var client = new HttpClient(handler) { BaseAddress = apns.Fake.BaseUrl };

        using var response = await client.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1));

        Assert.Equal(status, (int)response.StatusCode);
        if (reason is not null) await AssertErrorAsync(response, status, reason);
        Assert.Equal(status == 200 ? 1 : 0, apns.Journal.OfType<PushReceived>().Count);
    }

    private X509Certificate2 ProviderCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Apple Push Services: com.example.cgmfollow", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(_clock.GetUtcNow().AddDays(-1), _clock.GetUtcNow().AddDays(365));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task Every_error_answer_matches_its_golden_body()
    {
        var lines = new List<string>();
        async Task Record(string what, HttpResponseMessage response)
        {
            using (response)
            {
                var id = response.Headers.TryGetValues("apns-id", out var ids) ? ids.Single() : "-";
                lines.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} apns-id={id}");
            }
        }

        foreach (var reason in BadRequestReasons) await Record(reason, await _apns.SendAsync(Shaped(reason)));
        await Record("no authorization", await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), bearer: null));
        await Record("wrong key id", await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), _apns.Token(keyId: "KEY0000000")));
        await Record("token 61 minutes old", await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), _apns.Token(issuedAt: _clock.GetUtcNow().AddMinutes(-61))));
        await Record("GET", await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1, body: null, method: HttpMethod.Get)));
        _apns.Fake.Unregister(ApnsHarness.Parent2, Rig.T0.AddHours(1));
        await Record("unregistered", await _apns.SendAsync(ApnsHarness.Parent2));
        await Record("too large", await _apns.SendAsync(ApnsHarness.Parent1, "{\"aps\":{},\"pad\":\"" + new string('x', 4100) + "\"}"));
        await Record("new token within 20 minutes", await _apns.SendAsync(ApnsHarness.Request(ApnsHarness.Parent1), _apns.Token()));

        Golden.Match(string.Join("\n", lines) + "\n", "apns-error-bodies");
    }
}
