using System.Globalization;
using System.Net;
using ReferenceSystem.Alerts;
using ReferenceSystem.Hosting;
using static ReferenceSystem.Hosting.RequestFields;
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

    public static bool TryValidate(ReceiverRequest? request, out ReceiverSettings? settings, out string? error) =>
        RequestFields.TryValidate(request, Validate, out settings, out error);

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

    private static AlertPolicy Policy(ReceiverPolicyRequest? request) =>
        RequestFields.Policy(request?.UrgentLowMgdl, request?.LowMgdl, request?.HighMgdl,
            request?.SignalLossMinutes ?? DefaultSignalLossMinutes, "policy.signalLossMinutes");

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
}
