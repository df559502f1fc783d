namespace Simulator.Ble;

/// <summary>Who sends a message, using the peers' naming (spec conventions).</summary>
public enum BleDirection
{
    /// <summary>Written by the phone/receiver to the transmitter.</summary>
    Tx,

    /// <summary>Sent by the transmitter (notification, indication or read value).</summary>
    Rx,
}
