using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Simulator.Ble;
using Simulator.Ble.Btsnoop;
using Simulator.Ble.Link;
using Simulator.Ble.Messages;
using Simulator.Cli.Output;
using Simulator.Journal;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator ble decode HEX</c>, <c>simulator ble encode --message NAME --field k=v…</c>: the Dexcom G6/G7 message
/// codec at the command line, for people reading captures and writing test vectors.
/// </summary>
internal static class BleCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create() => new("ble", "Dexcom BLE messages: decode, encode, record and replay.") { Decode(), Encode(), Record(), Replay() };

    private static Command Record()
    {
        var journal = new Argument<string>("journal") { Description = "A run's journal.jsonl (its ble-frame lines are the BLE traffic)." };
        var output = new Option<string>("--out") { Description = "The btsnoop file to write (opens in Wireshark).", Required = true };
        var link = new Option<int?>("--link") { Description = "Only this transmitter's link id (default: every link)." };
        var command = new Command("record", "Write the BLE traffic of a finished run as an Android btsnoop (HCI snoop log) file.") { journal, output, link };
        command.SetAction(parse => Failure.Guard(async () =>
        {
            var path = parse.GetValue(journal)!;
            if (!File.Exists(path))
                throw new RunFailedException($"Journal '{Path.GetFullPath(path)}' does not exist; give the journal.jsonl of a run whose scenario has a ble: block.");
            var frames = JournalCapture.FramesOf(RunJournal.ReadFile(path), parse.GetValue(link));
            if (frames.Count == 0)
                throw new RunFailedException($"Journal '{path}' has no BLE traffic{(parse.GetValue(link) is { } l ? $" on link {l}" : "")}; only runs with a ble: block in their scenario have some.");
            await using var file = File.Create(parse.GetValue(output)!);
            var records = BleCapture.WriteBtsnoop(frames, file);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records} records from {frames.Count} frames written to {parse.GetValue(output)}"));
            return 0;
        }));
        return command;
    }

    private static Command Replay()
    {
        var capture = new Argument<string>("capture") { Description = "A btsnoop file (from `ble record`, or an Android HCI snoop log)." };
        var target = new Option<string>("--to") { Description = "The receiver's framed-stream listener, tcp://127.0.0.1:PORT (loopback only).", Required = true };
        var speed = new Option<double?>("--speed") { Description = "Replay at N times the recorded pace (default: as fast as possible)." };
        var link = new Option<int>("--link") { Description = "Link id to stamp on the frames.", DefaultValueFactory = _ => 1 };
        var command = new Command("replay", "Send the GATT values of a btsnoop capture to a receiver as framed-stream frames (docs/ble-link.md).") { capture, target, speed, link };
        command.SetAction((parse, ct) => Failure.Guard(async () =>
        {
            var path = parse.GetValue(capture)!;
            if (!File.Exists(path))
                throw new RunFailedException($"Capture '{Path.GetFullPath(path)}' does not exist; give the path of a btsnoop file.");
            if (!Uri.TryCreate(parse.GetValue(target), UriKind.Absolute, out var uri) || uri.Scheme != "tcp" || uri.Port <= 0)
                throw new RunFailedException($"--to '{parse.GetValue(target)}' is not a tcp://HOST:PORT address; write e.g. tcp://127.0.0.1:7070.");
            if (parse.GetValue(speed) is { } s && !(s > 0))
                throw new RunFailedException($"--speed {s.ToString(CultureInfo.InvariantCulture)} must be above 0.");
            try
            {
                var sent = await BleReplay.SendAsync(path, uri, TimeProvider.System, parse.GetValue(speed), ct, (ushort)parse.GetValue(link));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sent} frames sent to {uri}"));
                return 0;
            }
            catch (ArgumentException e)
            {
                throw new RunFailedException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            }
            catch (BtsnoopFormatException e)
            {
                throw new RunFailedException($"Capture '{path}' is not a btsnoop file this harness can read: {e.Message}");
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new RunFailedException($"Nothing is listening at {uri} ({e.SocketErrorCode}); start the receiver first.");
            }
        }));
        return command;
    }

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
