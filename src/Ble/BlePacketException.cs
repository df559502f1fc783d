namespace Simulator.Ble;

/// <summary>
/// The only exception <see cref="Messages.BleMessages.Decode(ReadOnlySpan{byte}, TransmitterGeneration)"/> throws.
/// <see cref="Exception.Message"/> names the byte(s) and the reason, e.g.
/// "byte 0: unknown opcode 0x99 for a G6 transmitter".
/// </summary>
public sealed class BlePacketException : Exception
{
    public BlePacketException()
        : this(0, BlePacketErrorReason.InvalidValue, "invalid BLE packet")
    {
    }

    public BlePacketException(string message)
        : this(0, BlePacketErrorReason.InvalidValue, message)
    {
    }

    public BlePacketException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = BlePacketErrorReason.InvalidValue;
    }

    public BlePacketException(int byteIndex, BlePacketErrorReason reason, string message)
        : base(message)
    {
        ByteIndex = byteIndex;
        Reason = reason;
    }

    /// <summary>Zero-based index of the first offending byte (the length itself for TooShort).</summary>
    public int ByteIndex { get; }

    public BlePacketErrorReason Reason { get; }
}
