using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Simulator.Vendors.Tls;

/// <summary>
/// The harness's own small PKI for HTTPS fakes: a CA (ECDSA P-256, basic constraints CA, path length 0) and one leaf
/// server certificate it signs (RSA 2048, server auth) valid for <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c> and any
/// extra host names or IP addresses given. Every fake can serve the same leaf, so a client trusts one PEM, <c>ca.pem</c>,
/// for all of them (<c>curl --cacert ca.pem</c> or <c>CURL_CA_BUNDLE</c>; <c>SSL_CERT_FILE</c> for clients on OpenSSL's
/// defaults such as Python and Go; <c>REQUESTS_CA_BUNDLE</c>; an Android network-security-config
/// <c>&lt;certificates src="@raw/ca"/&gt;</c>; or <see cref="CreateTrustingHandler"/>), or skip verification.
/// </summary>
/// <remarks>
/// The validity window starts an hour before <see cref="TimeProvider.GetUtcNow"/> of the clock given (clock skew
/// between harness and phone) and lasts <c>lifetime</c> (default 30 days, well under Apple's 398-day cap for TLS server
/// certificates). TLS clients check it against their wall clock, so give the harness's real clock
/// (<see cref="TimeProvider.System"/>), not a run's virtual one, for certificates real clients see. Serial numbers come
/// from the seed; the keys are fresh on every call (.NET has no seeded key generation).
/// </remarks>
public sealed class HarnessCertificate : IDisposable
{
    public const string AuthorityFileName = "ca.pem";
    public const string CertificateFileName = "cert.pem";
    public const string KeyFileName = "key.pem";
    public const string FullChainFileName = "fullchain.pem";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan Backdate = TimeSpan.FromHours(1);

    private readonly X509Certificate2 _authorityWithKey;
    private readonly RSA _leafKey;

    private HarnessCertificate(X509Certificate2 authorityWithKey, X509Certificate2 leaf, RSA leafKey, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> ipAddresses)
    {
        _authorityWithKey = authorityWithKey;
        _leafKey = leafKey;
        Authority = X509CertificateLoader.LoadCertificate(authorityWithKey.RawData);
        Leaf = leaf;
        DnsNames = dnsNames;
        IpAddresses = ipAddresses;
    }

    /// <summary>The CA certificate (public part only): the one thing a client needs to trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, loaded so Kestrel can use it on every platform.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>DNS names in the leaf's subject alternative names.</summary>
    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>IP addresses in the leaf's subject alternative names.</summary>
    public IReadOnlyList<IPAddress> IpAddresses { get; }

    public DateTimeOffset NotBefore => new(Leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);
    public DateTimeOffset NotAfter => new(Leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>
    /// Creates the CA and the leaf. <paramref name="extraHosts"/> are host names or IP literals to add (say the machine's
    /// LAN address when a phone on the network calls the fakes).
    /// </summary>
    public static HarnessCertificate Create(TimeProvider clock, IEnumerable<string>? extraHosts = null, TimeSpan? lifetime = null, int seed = 1)
    {
        var random = new Random(seed);
        var notBefore = clock.GetUtcNow() - Backdate;
        var notAfter = notBefore + Backdate + (lifetime ?? DefaultLifetime);
        if (notAfter <= notBefore + Backdate) throw new ArgumentOutOfRangeException(nameof(lifetime), "The lifetime must be positive.");

        var dns = new List<string> { "localhost" };
        var ips = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        foreach (var host in extraHosts ?? [])
        {
            if (string.IsNullOrWhiteSpace(host)) continue;
            if (IPAddress.TryParse(host, out var ip))
            {
                if (!ips.Contains(ip)) ips.Add(ip);
            }
            else if (!dns.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                dns.Add(host.Trim().ToLowerInvariant());
            }
        }

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=CGM Outage Simulator Harness CA, O=CGM Outage Simulator", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false);
        caRequest.CertificateExtensions.Add(caSki);
        // The CA outlives the leaf by a day, so the leaf's window always sits inside it.
        using var ca = SelfSign(caRequest, caKey, notBefore, notAfter.AddDays(1), Serial(random));
        var authority = Reload(ca);

        // The leaf is RSA: WireMock serialises its settings, and X509Certificate2.PrivateKey throws for an ECDSA key.
        var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=localhost, O=CGM Outage Simulator", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, critical: false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dns) san.AddDnsName(name);
        foreach (var ip in ips) san.AddIpAddress(ip);
        leafRequest.CertificateExtensions.Add(san.Build(critical: false));
        using var signed = leafRequest.Create(authority.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notAfter, Serial(random));
        using var withKey = signed.CopyWithPrivateKey(leafKey);
        // An ephemeral key is not usable by every TLS stack (SChannel refuses it): re-import through PKCS#12.
        var leaf = Reload(withKey);
        return new HarnessCertificate(authority, leaf, leafKey, dns, ips);
    }

    private static X509Certificate2 SelfSign(CertificateRequest request, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serial)
    {
        var generator = X509SignatureGenerator.CreateForECDsa(key);
        using var unsigned = request.Create(request.SubjectName, generator, notBefore, notAfter, serial);
        return unsigned.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);

    private static byte[] Serial(Random random)
    {
        var serial = new byte[16];
        random.NextBytes(serial);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive, and always 16 bytes long
        return serial;
    }

    /// <summary>The CA certificate as PEM.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>The leaf certificate as PEM.</summary>
    public string CertificatePem => Leaf.ExportCertificatePem();

    /// <summary>The leaf's private key as unencrypted PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    public string KeyPem => _leafKey.ExportPkcs8PrivateKeyPem();

    /// <summary>
    /// Writes <c>ca.pem</c> (what clients trust), <c>cert.pem</c> and <c>key.pem</c> (the leaf and its key, for a server
    /// or proxy outside the harness) and <c>fullchain.pem</c> (leaf then CA). The key file is readable by its owner only.
    /// </summary>
    public HarnessPemFiles ExportPem(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new HarnessPemFiles(
            Path.Combine(directory, AuthorityFileName), Path.Combine(directory, CertificateFileName),
            Path.Combine(directory, KeyFileName), Path.Combine(directory, FullChainFileName));
        File.WriteAllText(files.Authority, AuthorityPem + "\n", Encoding.ASCII);
        File.WriteAllText(files.Certificate, CertificatePem + "\n", Encoding.ASCII);
        File.WriteAllText(files.FullChain, CertificatePem + "\n" + AuthorityPem + "\n", Encoding.ASCII);
        File.WriteAllText(files.Key, "", Encoding.ASCII);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(files.Key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(files.Key, KeyPem + "\n", Encoding.ASCII);
        return files;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> chains to the harness CA alone (the system's roots play no part) and is
    /// valid at <paramref name="at"/> (default: now on the wall clock, as a TLS client checks).
    /// </summary>
    public bool Validates(X509Certificate2 certificate, DateTimeOffset? at = null) => ChainsTo(Authority, certificate, at);

    /// <summary>A remote-certificate check that trusts only <paramref name="authority"/> and also checks the host name.</summary>
    public static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 authority, TimeProvider? clock = null) =>
        (_, certificate, _, errors) =>
            certificate is X509Certificate2 presented
            && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
            && ChainsTo(authority, presented, clock?.GetUtcNow());

    /// <summary>An HttpClient handler for the harness's own calls to its fakes: trusts the harness CA only.</summary>
    public SocketsHttpHandler CreateTrustingHandler(TimeProvider? clock = null) => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustOnly(Authority, clock) },
    };

    private static bool ChainsTo(X509Certificate2 authority, X509Certificate2 certificate, DateTimeOffset? at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (at is { } time) chain.ChainPolicy.VerificationTime = time.UtcDateTime;
        return chain.Build(certificate)
            && chain.ChainElements.Count > 1
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
    }

    public void Dispose()
    {
        Leaf.Dispose();
        Authority.Dispose();
        _authorityWithKey.Dispose();
        _leafKey.Dispose();
    }
}

/// <summary>Paths of the PEM files <see cref="HarnessCertificate.ExportPem"/> wrote.</summary>
public sealed record HarnessPemFiles(string Authority, string Certificate, string Key, string FullChain);
