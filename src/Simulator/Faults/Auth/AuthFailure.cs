using Scenarios.Model;

namespace Simulator.Faults.Auth;

/// <summary>
/// What an auth fault asks of a vendor: refuse logins (<see cref="AuthMode.LoginFails"/>), reject sessions opened before
/// <see cref="Since"/> with <see cref="SessionError"/>, or hand out the all-zeros session id.
/// </summary>
public sealed record AuthFailure(AuthMode Mode, ShareSessionError SessionError, DateTimeOffset Since) : FaultEffect("auth");
