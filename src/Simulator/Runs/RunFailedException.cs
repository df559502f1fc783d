namespace Simulator.Runs;

/// <summary>
/// A run could not be done (unreachable system under test, a port that would not open, …). The message is one
/// paragraph for a person: what failed, where, and what to do about it.
/// </summary>
public sealed class RunFailedException(string message, Exception? inner = null) : Exception(message, inner);
