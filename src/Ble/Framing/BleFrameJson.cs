using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulator.Ble.Framing;

/// <summary>
/// JSON Lines form of a <see cref="BleFrame"/> (spec §5.2), one object per line / WebSocket text message:
/// <code>
/// {"t":"2024-01-01T00:05:00.000000Z","ev":"notify","dir":"p2c","svc":"F8083532-849E-531C-C594-30F1F86A4EA5",
///  "chr":"F8083534-849E-531C-C594-30F1F86A4EA5","hex":"3100680a…"}
/// </code>
/// <c>t</c>: UTC, exactly six fractional digits (µs). <c>ev</c>: notify, indicate, write-request, write-command,
/// read-request, read-response, cccd, connect, disconnect, advertisement, fault. <c>dir</c>: c2p (phone→CGM)
/// or p2c. <c>svc</c>/<c>chr</c>: upper-case UUIDs. <c>hex</c>: payload, lower-case hex. Optional
/// <c>link</c> (u16) and <c>flags</c> (u8) are written only when non-zero and default to 0 when read.
/// </summary>
public static class BleFrameJson
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly (BleFrameEvent Event, string Name)[] EventNames =
    [
        (BleFrameEvent.Notify, "notify"),
        (BleFrameEvent.Indicate, "indicate"),
        (BleFrameEvent.WriteRequest, "write-request"),
        (BleFrameEvent.WriteCommand, "write-command"),
        (BleFrameEvent.ReadRequest, "read-request"),
        (BleFrameEvent.ReadResponse, "read-response"),
        (BleFrameEvent.CccdChange, "cccd"),
        (BleFrameEvent.Connect, "connect"),
        (BleFrameEvent.Disconnect, "disconnect"),
        (BleFrameEvent.Advertisement, "advertisement"),
        (BleFrameEvent.FaultMarker, "fault"),
    ];

    /// <summary>The JSON spelling of an event (<c>notify</c>, <c>cccd</c>, <c>advertisement</c>, …), as written in <c>ev</c>.</summary>
    public static string EventName(BleFrameEvent ev) =>
        EventNames.FirstOrDefault(e => e.Event == ev).Name ?? throw new ArgumentOutOfRangeException(nameof(ev), ev, "Unknown frame event.");

    public static string Serialize(BleFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var json = new JsonObject
        {
            ["t"] = frame.Timestamp.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["ev"] = EventName(frame.Event),
            ["dir"] = frame.Direction == BleFrameDirection.CentralToPeripheral ? "c2p" : "p2c",
            ["svc"] = frame.Service.ToString("D").ToUpperInvariant(),
            ["chr"] = frame.Characteristic.ToString("D").ToUpperInvariant(),
            ["hex"] = Convert.ToHexStringLower(frame.Payload),
        };
        if (frame.LinkId != 0)
        {
            json["link"] = frame.LinkId;
        }

        if (frame.Flags != BleFrameFlags.None)
        {
            json["flags"] = (byte)frame.Flags;
        }

        return json.ToJsonString();
    }

    /// <summary>Parses one line; malformed input throws <see cref="FormatException"/> naming the field.</summary>
    public static BleFrame Deserialize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("A BLE frame line must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A BLE frame line is not valid JSON: {ex.Message}", ex);
        }

        var t = Text(json, "t");
        if (!DateTime.TryParseExact(t, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"Field 't' must look like 2024-01-01T00:05:00.000000Z, not '{t}'.");
        }

        var evName = Text(json, "ev");
        var ev = EventNames.FirstOrDefault(e => e.Name == evName);
        if (ev.Name is null)
        {
            throw new FormatException($"Field 'ev' has unknown event '{evName}'.");
        }

        var dir = Text(json, "dir") switch
        {
            "c2p" => BleFrameDirection.CentralToPeripheral,
            "p2c" => BleFrameDirection.PeripheralToCentral,
            var other => throw new FormatException($"Field 'dir' must be c2p or p2c, not '{other}'."),
        };
        var hex = Text(json, "hex");
        byte[] payload;
        try
        {
            payload = Convert.FromHexString(hex);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Field 'hex' is not hex: '{hex}'.", ex);
        }

        return new BleFrame(
            ev.Event,
            dir,
            (BleFrameFlags)(json["flags"]?.GetValue<byte>() ?? 0),
            BleFrame.ToUnixMicroseconds(new DateTimeOffset(time, TimeSpan.Zero)),
            json["link"]?.GetValue<ushort>() ?? 0,
            Uuid(json, "svc"),
            Uuid(json, "chr"),
            payload);
    }

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new FormatException($"Field '{name}' is missing or not a string.");

    private static Guid Uuid(JsonObject json, string name)
    {
        var text = Text(json, name);
        return Guid.TryParse(text, out var uuid) ? uuid : throw new FormatException($"Field '{name}' is not a UUID: '{text}'.");
    }
}
