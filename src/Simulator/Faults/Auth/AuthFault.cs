using Scenarios.Model;

namespace Simulator.Faults.Auth;

/// <summary>
/// Authentication breaks: logins refused, sessions revoked, or Share's all-zeros session id. Credentials and sessions
/// belong to the vendor, so the fault asks the vendor's handlers to answer in their own words (<see cref="AuthFailure"/>).
/// </summary>
public sealed class AuthFault(FaultSpec spec, AuthFaultOptions options) : RequestFault(spec)
{
    public override int Order => 50;

    public override Task ApplyAsync(FaultRequest request, Func<Task> next)
    {
        request.Ask(new AuthFailure(options.Mode, options.SessionError, Spec.At));
        return next();
    }
}
