using System.Net;
using System.Security.Cryptography;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Apns;
using Simulator.Vendors.Tls;

namespace Simulator.Tests.Vendors.Apns;

/// <summary>
/// A started APNs fake over h2 + TLS (the harness certificate) with one team key and two followers' devices, and an
/// HTTP/2-only client that trusts the harness CA, sending the way a provider (a2, node-apn, dotAPNS) does.
/// </summary>
internal sealed class ApnsHarness : IDisposable
{
    public const string Topic = "com.example.cgmfollow";
    public const string TeamId = "TEAM123456";
    public const string KeyId = "KEY1234567";
    public static readonly string Parent1 = new('a', 64);
    public static readonly string Parent2 = "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef";
    public static readonly string Unknown = new('f', 64);

    public static readonly IReadOnlyDictionary<string, (string Patient, string Follower)> Devices =
        new Dictionary<string, (string Patient, string Follower)> { [Parent1] = ("child-1", "parent-1"), [Parent2] = ("child-1", "parent-2") };

    public ApnsHarness(ManualClock clock, params FaultSpec[] faults) : this(clock, tls: true, options: null, faults) { }

    public ApnsHarness(ManualClock clock, bool tls, ApnsOptions? options, params FaultSpec[] faults)
    {
        Clock = clock;
        Context = Rig.Context(clock, faults);
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Options = options ?? new ApnsOptions
        {
            Topic = Topic,
            ProviderKeys = [new ApnsProviderKey(TeamId, KeyId, Key.ExportSubjectPublicKeyInfoPem())],
            DisallowedTopics = new HashSet<string> { "com.example.retired" },
        };
        Fake = new ApnsFake(Context, Options, Devices, new Random(7));
        if (tls)
        {
            Certificate = SharedCertificate.Value;
            Fake.Start(FakeListen.Https(Certificate));
            Handler = Certificate.CreateTrustingHandler(clock);
        }
        else
        {
            Fake.Start();
            Handler = new SocketsHttpHandler();
        }
        Client = new HttpClient(Handler, disposeHandler: false)
        {
            BaseAddress = Fake.BaseUrl,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        Bearer = Token();
    }

    /// <summary>
    /// One harness certificate for every APNs test (RSA key generation is slow), valid from an hour before
    /// <see cref="Rig.T0"/> + 2 h for 30 days: the clocks the tests judge it on.
    /// </summary>
    private static readonly Lazy<HarnessCertificate> SharedCertificate = new(() => HarnessCertificate.Create(new ManualClock(Rig.T0.AddHours(2))));

    public ManualClock Clock { get; }
    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public ECDsa Key { get; }
    public ApnsOptions Options { get; }
    public ApnsFake Fake { get; }
    public HarnessCertificate? Certificate { get; }
    public SocketsHttpHandler Handler { get; }
    public HttpClient Client { get; }

    /// <summary>The provider token the harness sends unless told otherwise (issued at the clock's start).</summary>
    public string Bearer { get; set; }

    public string Token(DateTimeOffset? issuedAt = null, string teamId = TeamId, string keyId = KeyId, ECDsa? key = null) =>
        ApnsProviderToken.Sign(key ?? Key, teamId, keyId, issuedAt ?? Clock.GetUtcNow());

    public const string UrgentLow =
        """{"aps":{"alert":{"title":"Urgent low","body":"child-1: 54 mg/dL"},"sound":"critical.caf","interruption-level":"critical"},"patient":"child-1","alert":"urgent-low","readingAt":"2019-11-30T06:00:00.0000000+00:00"}""";

    /// <summary>A provider request as the libraries build it; headers given null are left out.</summary>
    public static HttpRequestMessage Request(string token, string? body = UrgentLow, IDictionary<string, string?>? headers = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri($"/3/device/{token}", UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["apns-topic"] = Topic, ["apns-push-type"] = "alert", ["apns-priority"] = "10",
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string?>()) all[name] = value;
        foreach (var (name, value) in all)
            if (value is not null) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Sends with the harness's bearer token unless the request already has an authorization header or <paramref name="bearer"/> says otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? bearer = "")
    {
        using (request)
        {
            var token = bearer == "" ? Bearer : bearer;
            if (token is not null && !request.Headers.Contains("authorization")) request.Headers.TryAddWithoutValidation("authorization", $"bearer {token}");
            return await Client.SendAsync(request);
        }
    }

    public Task<HttpResponseMessage> SendAsync(string token, string? body = UrgentLow, IDictionary<string, string?>? headers = null) =>
        SendAsync(Request(token, body, headers));

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
        Fake.Dispose();
        Key.Dispose();
    }
}
