namespace Simulator.Ble.Messages;

/// <summary>
/// CRC-16/XMODEM (spec §1.2): polynomial 0x1021, initial value 0x0000, no reflection, no final XOR.
/// Check value: "123456789" → 0x31C3. Dexcom appends it little-endian after the payload.
/// </summary>
public static class Crc16Xmodem
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
