namespace Simulator.Ble.Messages;

/// <summary>Decodes one message type; <paramref name="verifyCrc"/> false lets the CLI show a bad CRC instead of failing.</summary>
public delegate IBleMessage BleMessageDecoder(ReadOnlySpan<byte> bytes, bool verifyCrc);

/// <summary>
/// Describes one message type: its peer name, opcode, channel, direction, layout and a sample
/// (a peer test vector where the spec cites one, otherwise a synthesized message).
/// </summary>
public sealed class BleMessageType
{
    private readonly BleMessageDecoder decoder;
    private readonly Func<BleFieldValues, IBleMessage> creator;

    public BleMessageType(
        string name,
        byte? opcode,
        BleChannel channel,
        BleDirection direction,
        int minLength,
        int maxLength,
        bool hasCrc,
        IReadOnlyList<TransmitterGeneration> generations,
        IReadOnlyList<BleFieldInfo> fields,
        string summary,
        string sampleHex,
        BleMessageDecoder decoder,
        Func<BleFieldValues, IBleMessage> creator)
    {
        Name = name;
        Opcode = opcode;
        Channel = channel;
        Direction = direction;
        MinLength = minLength;
        MaxLength = maxLength;
        HasCrc = hasCrc;
        Generations = generations;
        Fields = fields;
        Summary = summary;
        SampleHex = sampleHex;
        this.decoder = decoder;
        this.creator = creator;
    }

    /// <summary>Peer name, e.g. <c>GlucoseRx</c>, <c>G7Egv</c>.</summary>
    public string Name { get; }

    /// <summary>Byte 0 of the message; null for Backfill-channel data, which carries no opcode.</summary>
    public byte? Opcode { get; }

    public BleChannel Channel { get; }

    public BleDirection Direction { get; }

    /// <summary>Shortest valid length in bytes, CRC included.</summary>
    public int MinLength { get; }

    /// <summary>Longest valid length; equal to <see cref="MinLength"/> for every fixed layout.</summary>
    public int MaxLength { get; }

    /// <summary>Whether the last two bytes are a little-endian CRC-16/XMODEM of the rest (spec §1.2).</summary>
    public bool HasCrc { get; }

    public IReadOnlyList<TransmitterGeneration> Generations { get; }

    public IReadOnlyList<BleFieldInfo> Fields { get; }

    /// <summary>One sentence: what the message is and which spec section defines it.</summary>
    public string Summary { get; }

    /// <summary>A valid encoding of this message type; <see cref="BleMessages.Build"/> starts from it.</summary>
    public string SampleHex { get; }

    public IBleMessage Decode(ReadOnlySpan<byte> bytes, bool verifyCrc = true) => decoder(bytes, verifyCrc);

    public IBleMessage Sample() => decoder(Convert.FromHexString(SampleHex), true);

    internal IBleMessage Create(BleFieldValues values) => creator(values);

    public override string ToString() => Opcode is { } op ? $"{Name} (0x{op:X2})" : Name;
}
