using System.Globalization;
using System.Net;
using ReferenceSystem.Alerts;
using ReferenceSystem.Follow;

namespace ReferenceSystem.Receiver;

/// <summary>
/// Turns a <see cref="ReceiverRequest"/> into <see cref="ReceiverSettings"/>, or into one error message that starts
/// with the JSON path of the first bad field (e.g. <c>transmitters[0].transmitterId must be 6 letters or digits</c>).
/// Every address must be loopback: the receiver only ever talks to the harness on this machine.
/// </summary>
internal static class ReceiverRequestValidator
{
    /// <summary>Dexcom's signal-loss alert default as xDrip+ ships it (vendor-apis.md §6); Dexcom's own is unconfirmed.</summary>
    public const int DefaultSignalLossMinutes = 20;

    public static bool TryValidate(ReceiverRequest? request, out ReceiverSettings? settings, out string? error)
    {
        settings = null;
        try
        {
            settings = Validate(request);
            error = null;
            return true;
        }
        catch (InvalidFieldException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static ReceiverSettings Validate(ReceiverRequest? request)
    {
        if (request is null)
            throw new InvalidFieldException("body", "is required (a JSON object)");

        var clock = request.Clock ?? throw new InvalidFieldException("clock", "is required (the harness clock)");
        var clockUrl = LoopbackHttpUrl(clock.Url, "clock.url");
        var link = LinkEndpoint(request.Link);
        var localAlarms = LoopbackHttpUrl(request.LocalAlarms, "localAlarms");
        var policy = Policy(request.Policy);

        if (request.Transmitters is null || request.Transmitters.Count == 0)
            throw new InvalidFieldException("transmitters", "must hold at least one transmitter");
        var transmitters = new List<TransmitterSettings>();
        var patients = new HashSet<string>(StringComparer.Ordinal);
        var links = new HashSet<ushort>();
        for (var i = 0; i < request.Transmitters.Count; i++)
        {
            var path = $"transmitters[{i}]";
            var transmitter = Transmitter(request.Transmitters[i], path);
            if (!patients.Add(transmitter.Patient))
                throw new InvalidFieldException($"{path}.patient", $"\"{transmitter.Patient}\" is used twice");
            if (!links.Add(transmitter.LinkId))
                throw new InvalidFieldException($"{path}.linkId", $"{transmitter.LinkId} is used twice");
            transmitters.Add(transmitter);
        }

        return new ReceiverSettings(clockUrl, link, localAlarms, policy, transmitters) { Since = request.Since };
    }

    private static IPEndPoint LinkEndpoint(string? value)
    {
        var text = Required(value, "link");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "tcp")
            throw new InvalidFieldException("link", "must be tcp://127.0.0.1:PORT (the harness's framed BLE stream)");
        if (uri.IsDefaultPort || uri.Port is < 1 or > 65535)
            throw new InvalidFieldException("link", "needs a port (tcp://127.0.0.1:PORT)");
        var address = LoopbackAddress(uri, "link");
        return new IPEndPoint(address, uri.Port);
    }

    private static AlertPolicy Policy(ReceiverPolicyRequest? request)
    {
        var defaults = AlertPolicy.Default;
        var policy = new AlertPolicy(
            request?.UrgentLowMgdl ?? defaults.UrgentLowMgdl,
            request?.LowMgdl ?? defaults.LowMgdl,
            request?.HighMgdl ?? defaults.HighMgdl,
            request?.SignalLossMinutes ?? DefaultSignalLossMinutes);
        if (policy.UrgentLowMgdl is < 1 or > 1000)
            throw new InvalidFieldException("policy.urgentLowMgdl", "must be between 1 and 1000");
        if (policy.LowMgdl < policy.UrgentLowMgdl || policy.LowMgdl > 1000)
            throw new InvalidFieldException("policy.lowMgdl", "must be at least urgentLowMgdl and at most 1000");
        if (policy.HighMgdl <= policy.LowMgdl || policy.HighMgdl > 1000)
            throw new InvalidFieldException("policy.highMgdl", "must be above lowMgdl and at most 1000");
        if (policy.NoDataMinutes is < 1 or > 10_080)
            throw new InvalidFieldException("policy.signalLossMinutes", "must be between 1 and 10080");
        return policy;
    }

    private static TransmitterSettings Transmitter(TransmitterRequest? request, string path)
    {
        if (request is null)
            throw new InvalidFieldException(path, "must be an object");
        var patient = Required(request.Patient, $"{path}.patient");
        var linkId = request.LinkId ?? throw new InvalidFieldException($"{path}.linkId", "is required");
        if (linkId is < 1 or > ushort.MaxValue)
            throw new InvalidFieldException($"{path}.linkId", "must be between 1 and 65535");
        var transmitterId = Required(request.TransmitterId, $"{path}.transmitterId");
        if (transmitterId.Length != 6 || !transmitterId.All(char.IsAsciiLetterOrDigit))
            throw new InvalidFieldException($"{path}.transmitterId", "must be 6 letters or digits (e.g. 8G1234)");

        ShareAccount? share = null;
        if (request.Share is { } s)
        {
            var shareBase = LoopbackHttpUrl(s.BaseUrl, $"{path}.share.baseUrl");
            if (!shareBase.AbsolutePath.EndsWith('/'))
                shareBase = new Uri(shareBase.GetLeftPart(UriPartial.Path) + "/" + shareBase.Query);
            share = new ShareAccount(
                shareBase,
                Required(s.AccountName, $"{path}.share.accountName"),
                Required(s.Password, $"{path}.share.password"),
                string.IsNullOrWhiteSpace(s.ApplicationId) ? FollowRequestValidator.DefaultShareApplicationId : s.ApplicationId);
        }

        NightscoutSite? nightscout = null;
        if (request.Nightscout is { } ns)
            nightscout = new NightscoutSite(
                LoopbackHttpUrl(ns.BaseUrl, $"{path}.nightscout.baseUrl"),
                // Uploads are writes: Nightscout refuses them without the secret, so it is not optional here.
                Required(ns.ApiSecret, $"{path}.nightscout.apiSecret"));

        return new TransmitterSettings(patient, (ushort)linkId, transmitterId, share, nightscout);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidFieldException(field, "is required") : value;

    private static Uri LoopbackHttpUrl(string? value, string field)
    {
        var text = Required(value, field);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidFieldException(field, "must be an absolute http(s) URL");
        LoopbackAddress(uri, field);
        return uri;
    }

    /// <summary>The loopback address of <paramref name="uri"/>'s host; anything else (or a DNS name but localhost) is refused.</summary>
    private static IPAddress LoopbackAddress(Uri uri, string field)
    {
        if (uri.IsLoopback && string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
            return address;
        throw new InvalidFieldException(field, string.Create(CultureInfo.InvariantCulture,
            $"must be a loopback address (127.0.0.1, ::1 or localhost), not {uri.Host}"));
    }

    private sealed class InvalidFieldException(string field, string problem) : Exception($"{field} {problem}");
}
