namespace LoadDriver.Targets;

/// <summary>The one request a load run repeats: method, loopback URL, extra headers and an optional body.</summary>
public sealed record RequestSpec(Uri Url, string Method, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body)
{
    public static RequestSpec Get(Uri url) => new(url, "GET", [], null);

    /// <summary>Reads <c>Name: value</c> (as curl's -H takes it); the message says what to write instead.</summary>
    public static bool TryParseHeader(string? text, out KeyValuePair<string, string> header, out string error)
    {
        header = default;
        error = "";
        var colon = (text ?? "").IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text![..colon].Trim() : "";
        // RFC 9110 token characters: a name with spaces or separators would corrupt the request line by line.
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
        {
            error = $"--header '{text}' is not a header; write NAME:VALUE, e.g. --header 'Accept: application/json'.";
            return false;
        }
        var value = text![(colon + 1)..].Trim();
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            error = $"--header '{name}' has a line break in its value; give the value on one line.";
            return false;
        }
        header = new(name, value);
        return true;
    }
}
