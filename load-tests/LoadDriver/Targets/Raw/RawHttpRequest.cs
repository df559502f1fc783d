using System.Text;

namespace LoadDriver.Targets.Raw;

/// <summary>A <see cref="RequestSpec"/> serialised once into the exact bytes sent for every request.</summary>
internal static class RawHttpRequest
{
    public static byte[] Encode(RequestSpec spec)
    {
        var head = new StringBuilder();
        head.Append(spec.Method).Append(' ').Append(spec.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(spec.Url.Authority).Append("\r\n");
        foreach (var (name, value) in spec.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        // A body always says its length; a POST without one says 0, as servers may refuse a length-less POST.
        if (spec.Body is not null || spec.Method is "POST" or "PUT" or "PATCH")
            head.Append("Content-Length: ").Append(spec.Body?.Length ?? 0).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. spec.Body ?? []];
    }
}
