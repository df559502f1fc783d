using Microsoft.AspNetCore.Http;
using Simulator.Faults.Partial;

namespace Simulator.Faults;

/// <summary>
/// One request as the faults and the vendor's handler see it. The vendor's WireMock callbacks get only WireMock's
/// request message, not the <see cref="HttpContext"/>, so the request is also reachable as <see cref="Current"/>
/// (it flows with the request's async calls), which is how a handler finds the effects faults asked of it.
/// </summary>
public sealed class FaultRequest(
    HttpContext http, string vendor, string endpoint, TimeProvider clock, IVendorErrors errors,
    Func<HttpContext, ValueTask<RequestIdentity>>? identify = null)
{
    private static readonly AsyncLocal<FaultRequest?> s_current = new();
    private readonly List<FaultEffect> _asked = [];
    private RequestIdentity? _identity;

    public HttpContext Http { get; } = http;
    public string Vendor { get; } = vendor;
    public string Endpoint { get; } = endpoint;
    public TimeProvider Clock { get; } = clock;
    public IVendorErrors Errors { get; } = errors;

    /// <summary>The request being served in this async flow, or null outside a fake's request (warm-up, tests).</summary>
    public static FaultRequest? Current => s_current.Value;

    /// <summary>Makes this request <see cref="Current"/> for the rest of the calling async method and what it awaits.</summary>
    public void MakeCurrent() => s_current.Value = this;

    /// <summary>Who sent the request, worked out once and only when a fault needs it (it may read the body).</summary>
    public async ValueTask<RequestIdentity> IdentityAsync() =>
        _identity ??= identify is null ? RequestIdentity.Of(Http) : await identify(Http);

    /// <summary>The kind of the last fault that changed the outcome, or null.</summary>
    public string? ShapedBy { get; private set; }

    /// <summary>True when a fault left the client without an answer (reset, held until dropped).</summary>
    public bool Unanswered { get; private set; }

    public void Shaped(string kind) => ShapedBy = kind;

    /// <summary>Breaks the connection: the client sees a reset, the journal status 0.</summary>
    public void Abort(string kind)
    {
        Shaped(kind);
        Unanswered = true;
        Http.Abort();
    }

    /// <summary>Asks the vendor's handler for an effect; it is journaled only if the handler acts on it.</summary>
    public void Ask(FaultEffect effect) => _asked.Add(effect);

    /// <summary>
    /// For the vendor's handler: the first effect of this type that applies (<paramref name="when"/>), marking the
    /// request as shaped by its fault; null when no fault asked for it.
    /// </summary>
    public T? Take<T>(Func<T, bool>? when = null) where T : FaultEffect
    {
        var effect = _asked.OfType<T>().FirstOrDefault(e => when is null || when(e));
        if (effect is not null) Shaped(effect.Kind);
        return effect;
    }
}
