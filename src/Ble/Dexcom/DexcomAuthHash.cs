using System.Security.Cryptography;
using System.Text;

namespace Simulator.Ble.Dexcom;

/// <summary>
/// The G5/G6 authentication hash (spec §1.3): key = ASCII of "00" + id + "00" + id (16 bytes for a
/// 6-character transmitter id), plaintext = the 8-byte input twice, one AES-128-ECB block, hash = the
/// first 8 bytes of the ciphertext. G7 uses the same hash with a J-PAKE-derived 16-byte key (spec §2.2).
/// Peer vector: id "123456", input 0123456789abcdef → e60d4a7999b0fbb2 (LoopKit/CGMBLEKit:CGMBLEKitTests/TransmitterIDTests.swift).
/// </summary>
public static class DexcomAuthHash
{
    public const int HashLength = 8;

    /// <summary>The 16-byte AES key for a 6-character transmitter id.</summary>
    public static byte[] KeyFor(string transmitterId)
    {
        ArgumentNullException.ThrowIfNull(transmitterId);
        if (transmitterId.Length != 6 || !transmitterId.All(char.IsAscii))
        {
            throw new ArgumentException($"A transmitter id is 6 ASCII characters, not '{transmitterId}'.", nameof(transmitterId));
        }

        return Encoding.ASCII.GetBytes("00" + transmitterId + "00" + transmitterId);
    }

    /// <summary>hash(input) with the key derived from <paramref name="transmitterId"/>.</summary>
    public static byte[] Compute(string transmitterId, ReadOnlySpan<byte> input) => ComputeWithKey(KeyFor(transmitterId), input);

    /// <summary>hash(input) with an explicit 16-byte key (the G7 path).</summary>
    public static byte[] ComputeWithKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("The auth key must be 16 bytes (AES-128).", nameof(key));
        }

        if (input.Length != HashLength)
        {
            throw new ArgumentException("The auth hash input (token or challenge) must be 8 bytes.", nameof(input));
        }

        Span<byte> block = stackalloc byte[16];
        input.CopyTo(block);
        input.CopyTo(block[8..]);
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
#pragma warning disable CA5358 // ECB is what the Dexcom protocol specifies (spec §1.3); one block, no chaining to protect.
        var cipher = aes.EncryptEcb(block, PaddingMode.None);
#pragma warning restore CA5358
        return cipher[..HashLength];
    }
}
