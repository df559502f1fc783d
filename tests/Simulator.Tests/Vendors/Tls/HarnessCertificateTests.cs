using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Simulator.Tests.Support;
using Simulator.Tests.Vendors.Fcm;
using Simulator.Vendors;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.Tls;

namespace Simulator.Tests.Vendors.Tls;

/// <summary>
/// HTTPS for the vendor fakes: one harness CA, one leaf for localhost/127.0.0.1/::1, exported as PEM so real clients
/// (curl --cacert, SSL_CERT_FILE, an Android network-security-config) can trust every fake at once.
/// </summary>
public sealed class HarnessCertificateTests : IDisposable
{
    private const string Project = "sim-project";
    private const string AccessToken = "ya29.sim-access-token";

    /// <summary>One certificate for the class (RSA key generation is slow); tests don't change it.</summary>
    private static readonly Lazy<HarnessCertificate> Shared = new(() => HarnessCertificate.Create(new ManualClock(Rig.T0), ["followers.sim.test", "10.0.2.2"]));

    private readonly ManualClock _clock = new(Rig.T0);
    private readonly HarnessCertificate _certificate = Shared.Value;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "harness-cert-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private FcmFake StartFcm(FakeListen listen)
    {
        var fake = new FcmFake(Rig.Context(_clock), Project, AccessToken);
        fake.Start(listen);
        return fake;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri baseUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"/v1/projects/{Project}/messages:send")) { Content = Http.JsonBody(FcmFakeTests.UrgentLow) };
        request.Headers.Authorization = new("Bearer", AccessToken);
        return await client.SendAsync(request);
    }

    /// <summary>A client that trusts the exported ca.pem and nothing else, judging validity on the test's clock.</summary>
    private HttpClient ClientTrusting(string caPemFile)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caPemFile));
        return new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = HarnessCertificate.TrustOnly(authority, _clock) },
        }, disposeHandler: true);
    }

    [Fact]
    public async Task A_fake_started_with_the_harness_certificate_answers_over_https_to_a_client_trusting_only_the_exported_ca()
    {
        var files = _certificate.ExportPem(_directory);
        using var fake = StartFcm(FakeListen.Https(_certificate));
        using var client = ClientTrusting(files.Authority);

        using var response = await SendAsync(client, fake.BaseUrl);

        Assert.Equal("https", fake.BaseUrl.Scheme);
        Assert.Equal("127.0.0.1", fake.BaseUrl.Host);
        Assert.NotEqual(0, fake.BaseUrl.Port);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Matches($"^projects/{Project}/messages/[0-9]+$", (await response.JsonAsync()).Str("name"));
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_harness_ca_fails_the_tls_handshake()
    {
        using var fake = StartFcm(FakeListen.Https(_certificate));
        using var client = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(client, fake.BaseUrl));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Another_ca_with_the_same_name_is_not_trusted()
    {
        using var impostor = HarnessCertificate.Create(_clock);
        using var fake = StartFcm(FakeListen.Https(impostor));
        var files = _certificate.ExportPem(_directory);
        using var client = ClientTrusting(files.Authority);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(client, fake.BaseUrl));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Start_without_a_listen_still_serves_plain_http_on_127_0_0_1()
    {
        using var fake = new FcmFake(Rig.Context(_clock), Project, AccessToken);
        fake.Start();
        using var client = new HttpClient();

        using var response = await SendAsync(client, fake.BaseUrl);

        Assert.Equal(("http", "127.0.0.1"), (fake.BaseUrl.Scheme, fake.BaseUrl.Host));
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_fake_bound_to_the_ipv6_loopback_is_reached_over_https_by_its_address()
    {
        using var fake = StartFcm(FakeListen.Https(_certificate, IPAddress.IPv6Loopback));
        using var client = new HttpClient(_certificate.CreateTrustingHandler(_clock));

        using var response = await SendAsync(client, fake.BaseUrl);

        Assert.Equal("[::1]", fake.BaseUrl.Host);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", false, "http://127.0.0.1:8443/")]
    [InlineData("::", true, "https://127.0.0.1:8443/")]
    [InlineData("127.0.0.1", true, "https://127.0.0.1:8443/")]
    [InlineData("192.168.1.20", true, "https://192.168.1.20:8443/")]
    [InlineData("::1", false, "http://[::1]:8443/")]
    public void An_unspecified_bind_address_is_reached_on_127_0_0_1(string bind, bool https, string expected)
    {
        var listen = new FakeListen(IPAddress.Parse(bind), 8443, https ? _certificate.Leaf : null);

        Assert.Equal(expected, listen.UrlFor(8443).ToString());
    }

    [Fact]
    public void The_exported_pem_files_parse_back_into_a_ca_and_a_leaf_with_its_key()
    {
        var files = _certificate.ExportPem(_directory);

        Assert.Equal(["ca.pem", "cert.pem", "fullchain.pem", "key.pem"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(files.Authority));
        var ca = Assert.IsType<X509BasicConstraintsExtension>(Assert.Single(authority.Extensions.OfType<X509BasicConstraintsExtension>()));
        Assert.True(ca.CertificateAuthority);
        Assert.Equal(authority.SubjectName.Name, authority.IssuerName.Name);

        using var leaf = X509Certificate2.CreateFromPemFile(files.Certificate, files.Key);
        Assert.True(leaf.HasPrivateKey);
        Assert.Equal(authority.SubjectName.Name, leaf.IssuerName.Name);
        Assert.Equal("CN=localhost, O=CGM Outage Simulator", leaf.Subject);
        Assert.True(_certificate.Validates(leaf, _clock.GetUtcNow()));
        using var key = leaf.GetRSAPrivateKey()!;
        Assert.Equal(2048, key.KeySize);
        var eku = Assert.Single(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(eku.EnhancedKeyUsages.Cast<Oid>()).Value);

        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(files.FullChain);
        Assert.Equal([leaf.Thumbprint, authority.Thumbprint], chain.Select(c => c.Thumbprint));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.Key));
    }

    [Fact]
    public void The_leaf_names_localhost_and_the_loopback_addresses_plus_the_extra_hosts()
    {
        var san = Assert.Single(_certificate.Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>());

        Assert.Equal(["localhost", "followers.sim.test"], san.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("10.0.2.2")], san.EnumerateIPAddresses());
        Assert.Equal(san.EnumerateDnsNames(), _certificate.DnsNames);
        Assert.Equal(san.EnumerateIPAddresses(), _certificate.IpAddresses);
    }

    [Fact]
    public void The_validity_window_comes_from_the_clock_and_is_judged_on_it()
    {
        Assert.Equal(_clock.GetUtcNow().AddHours(-1), _certificate.NotBefore);
        Assert.Equal(_clock.GetUtcNow() + HarnessCertificate.DefaultLifetime, _certificate.NotAfter);
        Assert.True(_certificate.Validates(_certificate.Leaf, _clock.GetUtcNow()));
        Assert.False(_certificate.Validates(_certificate.Leaf, _clock.GetUtcNow().AddDays(31)));
        Assert.False(_certificate.Validates(_certificate.Leaf, _clock.GetUtcNow().AddHours(-2)));
    }

    [Fact]
    public void The_leaf_key_survives_the_pkcs12_round_trip_kestrel_needs()
    {
        Assert.True(_certificate.Leaf.HasPrivateKey);
        using var key = _certificate.Leaf.GetRSAPrivateKey()!;
        var data = "harness"u8.ToArray();
        var signature = key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var pub = _certificate.Leaf.GetRSAPublicKey()!;

        Assert.True(pub.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var reloaded = X509CertificateLoader.LoadPkcs12(_certificate.Leaf.Export(X509ContentType.Pkcs12), null);
        Assert.True(reloaded.HasPrivateKey);
    }

    [Fact]
    public void Serial_numbers_come_from_the_seed()
    {
        using var again = HarnessCertificate.Create(_clock, seed: 1);
        using var other = HarnessCertificate.Create(_clock, seed: 2);

        Assert.Equal(_certificate.Leaf.SerialNumber, again.Leaf.SerialNumber);
        Assert.Equal(_certificate.Authority.SerialNumber, again.Authority.SerialNumber);
        Assert.NotEqual(_certificate.Leaf.SerialNumber, other.Leaf.SerialNumber);
    }
}
