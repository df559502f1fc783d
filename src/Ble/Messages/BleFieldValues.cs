using System.Globalization;

namespace Simulator.Ble.Messages;

/// <summary>
/// Field values given as strings (e.g. from <c>--field glucose=104</c>) for <see cref="BleMessages.Build"/>.
/// Numbers are decimal or 0x-prefixed hex; byte arrays are hex; optional values accept "none".
/// Names match case-insensitively. Every failure is an <see cref="ArgumentException"/> with one clear sentence.
/// </summary>
public sealed class BleFieldValues
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);
    private readonly string messageName;

    public BleFieldValues(string messageName, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.messageName = messageName;
        this.values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            if (!this.values.TryAdd(key, value))
            {
                throw new ArgumentException($"Field '{key}' is given twice for {messageName}.", nameof(values));
            }
        }
    }

    public byte U8(string name, byte fallback) => Number(name, fallback, "an unsigned 8-bit integer (0-255)", byte.MinValue, byte.MaxValue, static v => (byte)v);

    public sbyte I8(string name, sbyte fallback) => Number(name, fallback, "a signed 8-bit integer (-128-127)", sbyte.MinValue, sbyte.MaxValue, static v => (sbyte)v);

    public ushort U16(string name, ushort fallback) => Number(name, fallback, "an unsigned 16-bit integer (0-65535)", ushort.MinValue, ushort.MaxValue, static v => (ushort)v);

    public uint U32(string name, uint fallback) => Number(name, fallback, "an unsigned 32-bit integer (0-4294967295)", uint.MinValue, uint.MaxValue, static v => (uint)v);

    public ushort? OptionalU16(string name, ushort? fallback)
    {
        if (!TryTake(name, out var text))
        {
            return fallback;
        }

        if (IsNone(text))
        {
            return null;
        }

        return Number(name, (ushort)0, "an unsigned 16-bit integer below 65535 or \"none\"", ushort.MinValue, ushort.MaxValue - 1, static v => (ushort)v);
    }

    public float F32(string name, float fallback)
    {
        if (!TryTake(name, out var text))
        {
            return fallback;
        }

        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Invalid(name, text, "a decimal number");
    }

    public byte[] Bytes(string name, int count, byte[] fallback)
    {
        if (!TryTake(name, out var text))
        {
            return fallback;
        }

        var hex = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length != count * 2 || !hex.All(Uri.IsHexDigit))
        {
            throw Invalid(name, text, string.Create(CultureInfo.InvariantCulture, $"{count} bytes of hex ({count * 2} hex digits)"));
        }

        return Convert.FromHexString(hex);
    }

    /// <summary>A hex value of any length, or null when the field is not given.</summary>
    public byte[]? OptionalHex(string name)
    {
        if (!TryTake(name, out var text))
        {
            return null;
        }

        var hex = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
        {
            throw Invalid(name, text, "hex bytes (an even number of hex digits)");
        }

        return Convert.FromHexString(hex);
    }

    /// <summary>Throws if a given field was never read: it does not exist on the message.</summary>
    public void EnsureAllUsed(IReadOnlyList<BleFieldInfo> fields)
    {
        foreach (var key in values.Keys)
        {
            if (!used.Contains(key))
            {
                var known = fields.Count == 0 ? "it has no fields" : "its fields are " + string.Join(", ", fields.Select(f => f.Name));
                throw new ArgumentException($"{messageName} has no field '{key}'; {known}.", nameof(fields));
            }
        }
    }

    private static bool IsNone(string text) =>
        text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase);

    private T Number<T>(string name, T fallback, string expected, long min, long max, Func<long, T> convert)
    {
        if (!TryTake(name, out var text))
        {
            return fallback;
        }

        var trimmed = text.Trim();
        bool ok;
        long value;
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = long.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            ok = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        if (!ok || value < min || value > max)
        {
            throw Invalid(name, text, expected);
        }

        return convert(value);
    }

    private bool TryTake(string name, out string text)
    {
        if (values.TryGetValue(name, out var found))
        {
            used.Add(name);
            text = found;
            return true;
        }

        text = string.Empty;
        return false;
    }

    private ArgumentException Invalid(string name, string text, string expected) =>
        new($"Field '{name}' of {messageName} needs {expected}, not '{text}'.", name);
}
