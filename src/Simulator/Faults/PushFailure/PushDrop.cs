namespace Simulator.Faults.PushFailure;

/// <summary>
/// What a push-failure fault asks of a push fake: check the message as usual and answer as if it were sent, but deliver
/// nothing. The journal shows the send (status 200, fault push-failure) and no delivery.
/// </summary>
public sealed record PushDrop() : FaultEffect("push-failure");
