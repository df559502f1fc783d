namespace Simulator.Vendors.Webhook;

/// <summary>How the generic webhook receiver checks and answers deliveries.</summary>
public sealed record WebhookOptions
{
    /// <summary>Deliveries are accepted at <c>{BasePath}/{name}</c> (any depth below it, e.g. <c>/hooks/parent-1</c>).</summary>
    public string BasePath { get; init; } = "/hooks";

    /// <summary>The shared secret a sender must put in <see cref="SecretHeader"/>; null (default) checks nothing.</summary>
    public string? Secret { get; init; }

    public string SecretHeader { get; init; } = "X-Webhook-Secret";

    /// <summary>The status of an accepted delivery (any 2xx).</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>The JSON body of an accepted delivery; null answers an empty body (as for 204).</summary>
    public string? SuccessBody { get; init; } = """{"ok":true}""";
}
