namespace LoadDriver.Targets.Raw;

/// <summary>
/// One request in flight: its connection and the task the runner awaits. Completed exactly once, by the loop (an
/// answer or a failure) or by cancellation, whichever comes first. Continuations run inline on the completing thread,
/// so a closed-model worker sends its next request from the loop thread without a thread-pool hop.
/// </summary>
internal sealed class RawHttpExchange(RawHttpConnection connection, CancellationToken ct)
    : TaskCompletionSource<Outcome>(TaskCreationOptions.None)
{
    public RawHttpConnection Connection { get; } = connection;
    public CancellationToken Token { get; } = ct;
    public CancellationTokenRegistration Registration { get; set; }
}
