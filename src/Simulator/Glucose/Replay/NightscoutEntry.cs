using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Simulator.Glucose.Replay;

/// <summary>A scalar JSON value as written, with the line it is on (objects and arrays are kept only as a kind).</summary>
internal sealed record JsonScalar(JsonTokenType Kind, string Text, int Line)
{
    public bool IsNumber => Kind == JsonTokenType.Number;
    public bool IsString => Kind == JsonTokenType.String;

    /// <summary>How the value reads in a message: strings quoted, everything else as JSON text.</summary>
    public string Shown => Kind switch
    {
        JsonTokenType.String => $"\"{Text}\"",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => Text,
    };

    /// <summary>A number, or a string holding one (some uploaders quote numbers).</summary>
    public bool TryNumber(out double value)
    {
        value = 0;
        return (IsNumber || IsString)
            && double.TryParse(Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static JsonScalar Read(ref Utf8JsonReader reader, JsonLines lines)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var kind = reader.TokenType;
                reader.Skip();
                return new JsonScalar(kind, "", line);
            case JsonTokenType.String:
                return new JsonScalar(JsonTokenType.String, reader.GetString() ?? "", line);
            default:
                var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                return new JsonScalar(reader.TokenType, Encoding.UTF8.GetString(raw), line);
        }
    }
}

/// <summary>The fields of one Nightscout entry that matter for replay; other properties are skipped.</summary>
internal sealed class NightscoutEntry
{
    public required int Line { get; init; }
    public required int Number { get; init; }
    public JsonScalar? Type { get; private set; }
    public JsonScalar? Sgv { get; private set; }
    public JsonScalar? Date { get; private set; }
    public JsonScalar? DateString { get; private set; }
    public JsonScalar? Direction { get; private set; }
    public JsonScalar? Trend { get; private set; }

    /// <summary>Reads the object the reader is on (its StartObject) through its EndObject.</summary>
    public static NightscoutEntry Read(ref Utf8JsonReader reader, JsonLines lines, int number)
    {
        var entry = new NightscoutEntry { Line = lines.LineOf(reader.TokenStartIndex), Number = number };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            var value = JsonScalar.Read(ref reader, lines);
            switch (name)
            {
                case "type": entry.Type = value; break;
                case "sgv": entry.Sgv = value; break;
                case "date": entry.Date = value; break;
                case "dateString": entry.DateString = value; break;
                case "direction": entry.Direction = value; break;
                case "trend": entry.Trend = value; break;
                default: break;
            }
        }
        return entry;
    }
}
