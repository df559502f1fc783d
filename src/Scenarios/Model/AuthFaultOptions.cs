namespace Scenarios.Model;

/// <summary>What breaks in a vendor's authentication.</summary>
public enum AuthMode
{
    /// <summary>Logins are refused with the vendor's real credentials error; sessions already open keep working.</summary>
    LoginFails,
    /// <summary>Sessions opened before the window are rejected with the vendor's session error (and stay revoked); new logins work.</summary>
    SessionsRevoked,
    /// <summary>Dexcom Share's session logins answer 200 with the all-zeros session id, whatever the credentials.</summary>
    ZeroSession,
}

/// <summary>The Dexcom Share error a revoked session gets.</summary>
public enum ShareSessionError { SessionIdNotFound, SessionNotValid }

/// <summary>Authentication fails in one of three ways (<see cref="AuthMode"/>), each in the vendor's own words.</summary>
public sealed record AuthFaultOptions : RequestFaultOptions
{
    public const string ZeroSessionId = "00000000-0000-0000-0000-000000000000";

    public override string Kind => "auth";
    public AuthMode Mode { get; init; } = AuthMode.LoginFails;

    /// <summary>Sessions-revoked only: which Share error code the revoked session gets.</summary>
    public ShareSessionError SessionError { get; init; } = ShareSessionError.SessionIdNotFound;

    public override IEnumerable<FaultOptionError> Validate()
    {
        if (!Enum.IsDefined(Mode))
            yield return new("mode", $"unknown auth mode {(int)Mode}; use login-fails, sessions-revoked or zero-session");
        if (!Enum.IsDefined(SessionError))
            yield return new("error", $"unknown session error {(int)SessionError}; use SessionIdNotFound or SessionNotValid");
        foreach (var error in base.Validate())
            yield return error;
    }
}
