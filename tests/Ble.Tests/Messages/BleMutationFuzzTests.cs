using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

/// <summary>Seeded fuzz, part 2 (400,000 truncated/bit-flipped valid messages of every type); a separate class so xUnit runs it in parallel with part 1.</summary>
public class BleMutationFuzzTests
{
    private const int MutatedInputs = 400_000;

    [Fact]
    public void Truncated_and_bit_flipped_valid_messages_only_ever_throw_BlePacketException()
    {
        var random = new Random(5678);
        var types = BleMessages.All;
        var rejected = 0;
        for (var i = 0; i < MutatedInputs; i++)
        {
            var type = types[i % types.Count];
            var bytes = BleRoundTripTests.RandomValid(type, random);
            var span = bytes.AsSpan();
            switch (random.Next(3))
            {
                case 0:
                    span = span[..random.Next(0, bytes.Length)];
                    break;
                case 1:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                default:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    span = span[..random.Next(0, bytes.Length + 1)];
                    break;
            }

            if (!BleFuzzTests.Survives(span, type.Generations[0], type.Channel))
            {
                rejected++;
            }
        }

        Assert.True(rejected > MutatedInputs / 4, "most mutations should be rejected");
    }
}
