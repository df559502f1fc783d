using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: auth</c> with <c>mode: login-fails | sessions-revoked | zero-session</c> and, for sessions-revoked,
/// <c>error: SessionIdNotFound | SessionNotValid</c> (default SessionIdNotFound); optional <c>where:</c>. Sessions exist
/// only on Dexcom Share, so only login-fails applies to the other vendors.
/// </summary>
internal sealed class AuthFaultParser : IFaultKindParser
{
    public string Kind => "auth";
    public IReadOnlyList<string> Keys { get; } = ["mode", "error", WhereParser.Key];
    internal static readonly IReadOnlyList<string> Modes = ["login-fails", "sessions-revoked", "zero-session"];
    internal static readonly IReadOnlyList<string> SessionErrors = ["SessionIdNotFound", "SessionNotValid"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        var text = m.Text("mode", true, "mode: login-fails (or sessions-revoked, zero-session)");
        AuthMode? mode = text?.Trim() switch
        {
            null => null,
            "login-fails" => AuthMode.LoginFails,
            "sessions-revoked" => AuthMode.SessionsRevoked,
            "zero-session" => AuthMode.ZeroSession,
            var other => Unknown(m, other),
        };
        var error = ParseError(m, mode);
        if (mode is { } known)
            CheckTarget(context, known);
        var where = WhereParser.TryParse(m, out var filter);
        if (context.Diagnostics.Count != before || mode is null || !where)
            return null;
        return FaultOptionReport.Checked(context, new AuthFaultOptions { Mode = mode.Value, SessionError = error, Where = filter });
    }

    private static AuthMode? Unknown(MapReader m, string mode)
    {
        m.Error("mode", Suggest.Unknown("auth mode", mode, Modes, "modes are"));
        return null;
    }

    private static ShareSessionError ParseError(MapReader m, AuthMode? mode)
    {
        if (m.Text("error", false, "") is not { } text)
            return ShareSessionError.SessionIdNotFound;
        if (mode is not (null or AuthMode.SessionsRevoked))
        {
            m.Error("error", "error names the Share error a revoked session gets, so it goes with mode: sessions-revoked");
            return ShareSessionError.SessionIdNotFound;
        }
        switch (text.Trim())
        {
            case "SessionIdNotFound": return ShareSessionError.SessionIdNotFound;
            case "SessionNotValid": return ShareSessionError.SessionNotValid;
            default:
                m.Error("error", Suggest.Unknown("session error", text.Trim(), SessionErrors, "Share answers"));
                return ShareSessionError.SessionIdNotFound;
        }
    }

    /// <summary>Each mode breaks something a vendor has at a particular endpoint.</summary>
    private static void CheckTarget(FaultParseContext context, AuthMode mode)
    {
        if (context.Target is not { } target)
            return;
        var m = context.Map;
        var share = target.Vendor == VendorIds.DexcomShare;
        switch (mode)
        {
            case AuthMode.LoginFails when share && target.Endpoint is not (null or "login"):
                m.Error("target", $"Share logins go to dexcom-share/login, so aim login-fails at dexcom-share or dexcom-share/login, not '{target}'");
                break;
            case AuthMode.SessionsRevoked or AuthMode.ZeroSession when !share:
                m.Error("target", $"{(mode == AuthMode.ZeroSession ? "zero-session" : "sessions-revoked")} needs a vendor with login sessions (dexcom-share); {target.Vendor} checks credentials on every request, so use mode: login-fails");
                break;
            case AuthMode.SessionsRevoked when target.Endpoint == "login":
                m.Error("target", "sessions-revoked rejects sessions where they are used, so aim it at dexcom-share, dexcom-share/read or dexcom-share/upload, not 'dexcom-share/login'");
                break;
            case AuthMode.ZeroSession when target.Endpoint is not (null or "login"):
                m.Error("target", $"zero-session changes what Share's login answers, so aim it at dexcom-share/login, or at dexcom-share to also answer reads made with the zero session (200, empty body), not '{target}'");
                break;
        }
    }
}
