using System.Net;

namespace LoadDriver.Targets;

/// <summary>
/// Load traffic must never leave the machine: a load run aimed at a real vendor or a shared service would be an
/// attack, not a test. Only 127.0.0.0/8, ::1 and localhost are accepted.
/// </summary>
public static class LoopbackGuard
{
    public static string RefusalMessage(Uri target) =>
        $"Refusing to send load to '{target}': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost).";

    public static bool IsLoopback(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri) return false;
        if (string.Equals(target.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        // IPAddress.IsLoopback covers the whole of 127.0.0.0/8 and ::1; names other than localhost are refused rather
        // than resolved, because a resolver can answer differently tomorrow.
        return IPAddress.TryParse(target.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }

    /// <exception cref="ArgumentException">The target is not a loopback host.</exception>
    public static void Ensure(Uri target)
    {
        // No parameter name: the message is shown to people as is, one sentence.
        if (!IsLoopback(target)) throw new ArgumentException(RefusalMessage(target));
    }
}
