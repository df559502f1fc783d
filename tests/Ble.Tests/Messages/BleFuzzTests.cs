using Simulator.Ble;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

/// <summary>Seeded fuzz, part 1 (600,000 random byte strings of length 0–40): Decode throws nothing but BlePacketException.</summary>
public class BleFuzzTests
{
    private const int RandomInputs = 600_000;

    [Fact]
    public void Random_byte_strings_only_ever_throw_BlePacketException()
    {
        var random = new Random(1234);
        var buffer = new byte[40];
        var generations = new[] { TransmitterGeneration.G6, TransmitterGeneration.G7 };
        var channels = new[] { BleChannel.Control, BleChannel.Control, BleChannel.Control, BleChannel.Backfill };
        var decoded = 0;
        for (var i = 0; i < RandomInputs; i++)
        {
            var length = random.Next(0, 41);
            random.NextBytes(buffer.AsSpan(0, length));
            if (Survives(buffer.AsSpan(0, length), generations[i & 1], channels[i & 3]))
            {
                decoded++;
            }
        }

        Assert.True(decoded > 0, "some random inputs (e.g. G6 backfill frames) should decode");
    }

    /// <summary>True when decoded; false on BlePacketException; any other exception fails the test.</summary>
    internal static bool Survives(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, BleChannel channel)
    {
        try
        {
            var message = BleMessages.Decode(bytes, generation, channel);
            return message.Encode().Length == bytes.Length;
        }
        catch (BlePacketException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Message));
            return false;
        }
    }
}
