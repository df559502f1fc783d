using System.Text;
using System.Text.Json;

namespace Simulator.Tests.Support;

internal static class Http
{
    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonBody(object value) => JsonBody(JsonSerializer.Serialize(value));

    /// <summary>The response body parsed as JSON (a detached copy, safe to keep).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
