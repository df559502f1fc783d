using System.Collections.Frozen;
using System.Globalization;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;
using Simulator.Ble.Dexcom.G7;

namespace Simulator.Ble.Messages;

/// <summary>
/// Registry of every Dexcom message type: lists them, decodes bytes by opcode (and length where one
/// opcode has several layouts), and builds messages from string field values for the CLI.
/// </summary>
public static class BleMessages
{
    /// <summary>Every message type, Authentication and Control first, Backfill-channel data last.</summary>
    public static IReadOnlyList<BleMessageType> All { get; } =
    [
        AuthRequestTx.Type,
        AuthRequest2Tx.Type,
        AuthChallengeRx.Type,
        AuthChallengeTx.Type,
        AuthStatusRx.Type,
        KeepAliveTx.Type,
        BondRequestTx.Type,
        PairRequestRx.Type,
        DisconnectTx.Type,
        FirmwareVersionTx.Type,
        FirmwareVersionRx.Type,
        BatteryStatusTx.Type,
        BatteryStatusRx.Type,
        BatteryStatusG5Rx.Type,
        TransmitterTimeTx.Type,
        TransmitterTimeRx.Type,
        SessionStartG5Tx.Type,
        SessionStartTx.Type,
        SessionStartWithCodeTx.Type,
        SessionStartRx.Type,
        SessionStopTx.Type,
        SessionStopRx.Type,
        SensorTx.Type,
        SensorRx.Type,
        SensorFloatRx.Type,
        SensorTimestampRx.Type,
        GlucoseTx.Type,
        GlucoseRx.Type,
        CalibrationDataTx.Type,
        CalibrationDataRx.Type,
        CalibrationDataG5Rx.Type,
        CalibrateGlucoseTx.Type,
        CalibrateGlucoseRx.Type,
        ResetTx.Type,
        ResetRx.Type,
        TransmitterVersionTx.Type,
        TransmitterVersionRx.Type,
        EgvTx.Type,
        EgvRx.Type,
        BackfillTx.Type,
        BackfillRx.Type,
        ExtendedVersionTx.Type,
        ExtendedVersionRx.Type,
        G7EgvTx.Type,
        G7Egv.Type,
        G7BackfillTx.Type,
        G7Backfill.Type,
        G7ExtendedVersionTx.Type,
        G7ExtendedVersion.Type,
        BackfillFrame.Type,
        G7BackfillRecord.Type,
    ];

    // (generation, opcode) → layouts sorted by length; Backfill-channel types are looked up by generation only.
    private static readonly FrozenDictionary<int, BleMessageType[]> ByOpcode = All
        .Where(t => t.Opcode is not null)
        .SelectMany(t => t.Generations.Select(g => (Key: Key(g, t.Opcode!.Value), Type: t)))
        .GroupBy(x => x.Key)
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Type).OrderBy(t => t.MinLength).ToArray());

    /// <summary>
    /// Decodes an Authentication- or Control-channel message. Throws only <see cref="BlePacketException"/>.
    /// </summary>
    public static IBleMessage Decode(ReadOnlySpan<byte> bytes, TransmitterGeneration generation) => Decode(bytes, generation, verifyCrc: true);

    /// <summary>
    /// As <see cref="Decode(ReadOnlySpan{byte}, TransmitterGeneration)"/>; with <paramref name="verifyCrc"/> false a
    /// wrong CRC is accepted (the CLI reports it as <c>crcValid: false</c>).
    /// </summary>
    public static IBleMessage Decode(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, bool verifyCrc)
    {
        if (bytes.IsEmpty)
        {
            throw new BlePacketException(0, BlePacketErrorReason.TooShort, "byte 0: message is empty; expected an opcode");
        }

        var opcode = bytes[0];
        if (!ByOpcode.TryGetValue(Key(generation, opcode), out var layouts))
        {
            throw new BlePacketException(0, BlePacketErrorReason.UnknownOpcode, string.Create(CultureInfo.InvariantCulture, $"byte 0: unknown opcode 0x{opcode:X2} for a {generation} transmitter"));
        }

        foreach (var layout in layouts)
        {
            if (bytes.Length >= layout.MinLength && bytes.Length <= layout.MaxLength)
            {
                return layout.Decode(bytes, verifyCrc);
            }
        }

        var shortest = layouts[0];
        var longest = layouts[^1];
        if (bytes.Length < shortest.MinLength)
        {
            throw new BlePacketException(bytes.Length, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"byte {bytes.Length}: opcode 0x{opcode:X2} ({shortest.Name}) needs at least {shortest.MinLength} bytes but the message ends after {bytes.Length}"));
        }

        if (bytes.Length > longest.MaxLength)
        {
            throw new BlePacketException(longest.MaxLength, BlePacketErrorReason.TooLong, string.Create(CultureInfo.InvariantCulture, $"byte {longest.MaxLength}: opcode 0x{opcode:X2} ({longest.Name}) is at most {longest.MaxLength} bytes but the message has {bytes.Length}"));
        }

        var lengths = string.Join(", ", layouts.Select(l => $"{l.MinLength.ToString(CultureInfo.InvariantCulture)} ({l.Name})"));
        throw new BlePacketException(bytes.Length, BlePacketErrorReason.WrongLength, string.Create(CultureInfo.InvariantCulture, $"byte {bytes.Length}: opcode 0x{opcode:X2} has no {bytes.Length}-byte layout; valid lengths are {lengths}"));
    }

    /// <summary>
    /// Decodes a value from <paramref name="channel"/>: Backfill-channel data has no opcode, so it is a
    /// <see cref="BackfillFrame"/> (G6) or <see cref="G7BackfillRecord"/> (G7); other channels dispatch by opcode.
    /// </summary>
    public static IBleMessage Decode(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, BleChannel channel)
    {
        if (channel != BleChannel.Backfill)
        {
            var message = Decode(bytes, generation);
            if (message.MessageType.Channel != channel)
            {
                throw new BlePacketException(0, BlePacketErrorReason.UnknownOpcode, string.Create(CultureInfo.InvariantCulture, $"byte 0: opcode 0x{bytes[0]:X2} ({message.MessageType.Name}) belongs on {message.MessageType.Channel}, not {channel}"));
            }

            return message;
        }

        return generation == TransmitterGeneration.G7 ? G7BackfillRecord.Decode(bytes) : BackfillFrame.Decode(bytes);
    }

    /// <summary>Like <see cref="Decode(ReadOnlySpan{byte}, TransmitterGeneration)"/> but never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, out IBleMessage? message, out BlePacketException? error)
    {
        try
        {
            message = Decode(bytes, generation);
            error = null;
            return true;
        }
        catch (BlePacketException ex)
        {
            message = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Like <see cref="Decode(ReadOnlySpan{byte}, TransmitterGeneration)"/> but never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, out IBleMessage? message) =>
        TryDecode(bytes, generation, out message, out _);

    /// <summary>The message types valid for <paramref name="generation"/>.</summary>
    public static IEnumerable<BleMessageType> For(TransmitterGeneration generation) => All.Where(t => t.Generations.Contains(generation));

    /// <summary>Finds a type by name (case-insensitive) for a generation, or null.</summary>
    public static BleMessageType? Find(string name, TransmitterGeneration generation) =>
        For(generation).FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Builds a message from string field values, starting from the type's sample for fields not given.
    /// Throws <see cref="ArgumentException"/> with one clear sentence for an unknown name, field or value.
    /// </summary>
    public static IBleMessage Build(string name, IReadOnlyDictionary<string, string> fields, TransmitterGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fields);
        var type = Find(name, generation);
        if (type is null)
        {
            var other = All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var hint = other is null
                ? "known messages are " + string.Join(", ", For(generation).Select(t => t.Name))
                : $"it is a {string.Join("/", other.Generations)} message";
            throw new ArgumentException($"Unknown BLE message '{name}' for a {generation} transmitter; {hint}.", nameof(name));
        }

        var values = new BleFieldValues(type.Name, fields);
        var message = type.Create(values);
        values.EnsureAllUsed(type.Fields);
        message.Encode(); // validates ranges (12-bit glucose, byte-array lengths) with an ArgumentException
        return message;
    }

    private static int Key(TransmitterGeneration generation, byte opcode) => ((int)generation << 8) | opcode;
}
