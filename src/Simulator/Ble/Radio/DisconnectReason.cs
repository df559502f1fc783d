namespace Simulator.Ble.Radio;

/// <summary>
/// The one-byte payload of a p2c <c>disconnect</c> frame: the Bluetooth HCI error code a phone's stack would
/// report for the link going down (Bluetooth Core spec, vol 1 part F). Receivers may ignore it.
/// </summary>
public enum DisconnectReason : byte
{
    /// <summary>0x05: the phone answered the challenge with a wrong hash (spec §1.3).</summary>
    AuthenticationFailure = 0x05,

    /// <summary>0x08: the wake window ended while connected (supervision timeout as the phone sees it).</summary>
    WindowEnded = 0x08,

    /// <summary>0x09: another receiver already holds the transmitter's only connection.</summary>
    ConnectionLimitExceeded = 0x09,

    /// <summary>0x13: the phone wrote DisconnectTx (0x09) on Control.</summary>
    RemoteUserTerminated = 0x13,

    /// <summary>0x3E: connect outside a wake window: the transmitter is asleep.</summary>
    NotConnectable = 0x3E,
}
