namespace Simulator.Ble;

/// <summary>Why a byte string could not be decoded as a BLE message.</summary>
public enum BlePacketErrorReason
{
    /// <summary>Fewer bytes than the shortest layout for the opcode (or no bytes at all).</summary>
    TooShort,

    /// <summary>More bytes than the longest layout for the opcode.</summary>
    TooLong,

    /// <summary>A length between layouts that none of them has (e.g. 17 bytes for 0x2F).</summary>
    WrongLength,

    /// <summary>The trailing CRC-16/XMODEM does not match the message (spec §1.2).</summary>
    BadCrc,

    /// <summary>Byte 0 is not an opcode known for the transmitter generation.</summary>
    UnknownOpcode,

    /// <summary>A field or frame holds a value the layout forbids (e.g. an out-of-sequence backfill frame).</summary>
    InvalidValue,
}
