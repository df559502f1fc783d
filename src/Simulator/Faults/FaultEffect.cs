namespace Simulator.Faults;

/// <summary>
/// Something a fault asks of the vendor's own handler, because only the vendor knows how to do it (serve a frozen
/// value, refuse a session, swallow a push). <see cref="Kind"/> is journaled when the vendor acts on it.
/// </summary>
public abstract record FaultEffect(string Kind);
