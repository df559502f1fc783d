using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Simulator.Vendors.Tls;

namespace Simulator.Vendors;

/// <summary>
/// Where and how a vendor fake listens: the address it binds, its port (0 = any free one) and, for HTTPS, the server
/// certificate (with its private key). The default is plain HTTP on 127.0.0.1, as every fake listened before.
/// </summary>
public sealed record FakeListen(IPAddress Bind, int Port = 0, X509Certificate2? Certificate = null)
{
    /// <summary>Plain HTTP on 127.0.0.1, any free port.</summary>
    public FakeListen() : this(IPAddress.Loopback) { }

    public static FakeListen Loopback { get; } = new();

    /// <summary>HTTPS with the harness's leaf certificate, on loopback unless told otherwise.</summary>
    public static FakeListen Https(HarnessCertificate certificate, IPAddress? bind = null, int port = 0) =>
        new(bind ?? IPAddress.Loopback, port, certificate.Leaf);

    public bool IsHttps => Certificate is not null;

    /// <summary>The host as written in a listen URL (IPv6 in brackets).</summary>
    internal string ListenHost => Bind.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Bind}]" : Bind.ToString();

    /// <summary>
    /// The host clients use: the bind address, or 127.0.0.1 when the bind is unspecified (0.0.0.0, ::), which
    /// listens on loopback too and is in the harness certificate's names.
    /// </summary>
    public string UrlHost =>
        Bind.Equals(IPAddress.Any) || Bind.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : ListenHost;

    /// <summary>The root URL for the port actually bound.</summary>
    public Uri UrlFor(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{(IsHttps ? "https" : "http")}://{UrlHost}:{port}"));
}
