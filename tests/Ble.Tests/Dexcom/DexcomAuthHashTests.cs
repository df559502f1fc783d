using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Dexcom;

public class DexcomAuthHashTests
{
    [Fact]
    public void Hash_matches_the_CGMBLEKit_vector()
    {
        // LoopKit/CGMBLEKit:CGMBLEKitTests/TransmitterIDTests.swift, spec §1.3
        var hash = DexcomAuthHash.Compute("123456", Convert.FromHexString("0123456789abcdef"));
        Assert.Equal("e60d4a7999b0fbb2", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Key_is_00_id_00_id_in_ascii() =>
        Assert.Equal("0012345600123456"u8.ToArray(), DexcomAuthHash.KeyFor("123456"));

    [Fact]
    public void Full_first_block_matches_the_spec_recomputation()
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = DexcomAuthHash.KeyFor("123456");
        var input = Convert.FromHexString("0123456789abcdef0123456789abcdef");
#pragma warning disable CA5358
        var block = aes.EncryptEcb(input, System.Security.Cryptography.PaddingMode.None);
#pragma warning restore CA5358
        Assert.Equal("e60d4a7999b0fbb26f7c984624dd6e1e", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Auth_exchange_messages_carry_the_hash()
    {
        var token = Convert.FromHexString("0123456789abcdef");
        var request = new AuthRequestTx(token, 0x02);
        Assert.Equal("010123456789abcdef02", Convert.ToHexStringLower(request.Encode()));

        var challenge = Convert.FromHexString("1122334455667788");
        var rx = Assert.IsType<AuthChallengeRx>(BleMessages.Decode(new AuthChallengeRx(DexcomAuthHash.Compute("123456", token), challenge).Encode(), TransmitterGeneration.G6));
        Assert.Equal(DexcomAuthHash.Compute("123456", request.Token), rx.TokenHash);

        var answer = new AuthChallengeTx(DexcomAuthHash.Compute("123456", rx.Challenge));
        Assert.Equal(9, answer.Encode().Length);
        Assert.Equal((byte)0x04, answer.Encode()[0]);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    public void Transmitter_ids_must_be_six_characters(string id) =>
        Assert.Throws<ArgumentException>(() => DexcomAuthHash.KeyFor(id));
}
