using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Simulator.Ble;
using Simulator.Ble.Messages;
using Simulator.Cli.Output;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator ble decode HEX</c>, <c>simulator ble encode --message NAME --field k=v…</c>: the Dexcom G6/G7 message
/// codec at the command line, for people reading captures and writing test vectors.
/// </summary>
internal static class BleCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create() => new("ble", "Dexcom BLE messages: decode, encode, record and replay.") { Decode(), Encode() };

    private static Option<string> TransmitterOption() =>
        new("--transmitter") { Description = "g6 (G5/G6 layouts) or g7.", DefaultValueFactory = _ => "g6" };

    private static Command Decode()
    {
        var hex = new Argument<string>("hex") { Description = "The message bytes in hex (spaces and colons allowed), e.g. 3100680a00008a715700cc0006ffc60068c7." };
        var transmitter = TransmitterOption();
        var command = new Command("decode", "Decode one message and print it as JSON (message, opcode, fields, crcValid).") { hex, transmitter };
        command.SetAction(parse => Failure.Guard(() =>
        {
            var generation = GenerationOf(parse.GetValue(transmitter)!);
            var bytes = BytesOf(parse.GetValue(hex)!);
            try
            {
                Console.WriteLine(BleJson.DescribeBytes(bytes, generation).ToJsonString(Json));
                return Task.FromResult(0);
            }
            catch (BlePacketException e)
            {
                throw new RunFailedException($"These {bytes.Length} bytes are not a {parse.GetValue(transmitter)} message: {e.Message}.");
            }
        }));
        return command;
    }

    private static Command Encode()
    {
        var message = new Option<string>("--message") { Description = "Message name, e.g. GlucoseRx, TransmitterTimeRx, BackfillTx, G7Egv.", Required = true };
        var fields = new Option<string[]>("--field") { Description = "A field value as name=value (repeat the option); unset fields take their defaults.", AllowMultipleArgumentsPerToken = true };
        var transmitter = TransmitterOption();
        var command = new Command("encode", "Build one message from field values and print its bytes in hex (CRC included where the format has one).") { message, fields, transmitter };
        command.SetAction(parse => Failure.Guard(() =>
        {
            var generation = GenerationOf(parse.GetValue(transmitter)!);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(fields) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                    throw new RunFailedException($"--field '{pair}' is not name=value; write e.g. --field glucose=104.");
                values[pair[..at].Trim()] = pair[(at + 1)..].Trim();
            }
            try
            {
                Console.WriteLine(Convert.ToHexStringLower(BleMessages.Build(parse.GetValue(message)!, values, generation).Encode()));
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                throw new RunFailedException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            }
        }));
        return command;
    }

    internal static TransmitterGeneration GenerationOf(string name) => name switch
    {
        "g6" or "g5" => TransmitterGeneration.G6,
        "g7" => TransmitterGeneration.G7,
        _ => throw new RunFailedException($"--transmitter '{name}' is not known; use g6 (G5/G6) or g7."),
    };

    private static byte[] BytesOf(string hex)
    {
        var compact = string.Concat(hex.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-'));
        if (compact.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            compact = compact[2..];
        try
        {
            return Convert.FromHexString(compact);
        }
        catch (FormatException)
        {
            throw new RunFailedException(string.Create(CultureInfo.InvariantCulture,
                $"'{(hex.Length > 60 ? hex[..57] + "..." : hex)}' is not hex bytes; write two hex digits per byte, e.g. 3100680a."));
        }
    }
}
