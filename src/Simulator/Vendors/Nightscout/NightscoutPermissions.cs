namespace Simulator.Vendors.Nightscout;

/// <summary>Nightscout's Shiro-style permissions (<c>api:entries:read</c>, wildcards <c>*</c>, comma lists).</summary>
public static class NightscoutPermissions
{
    public static IReadOnlyList<string> OfRole(string role) => role switch
    {
        "admin" => ["*"],
        "denied" => [],
        "status-only" => ["api:status:read"],
        "readable" => ["*:*:read"],
        "careportal" => ["api:treatments:create"],
        "devicestatus-upload" => ["api:devicestatus:create"],
        "activity" => ["api:activity:create"],
        _ when role.Contains(':', StringComparison.Ordinal) => [role],
        _ => [],
    };

    public static IReadOnlyList<string> OfRoles(IEnumerable<string> roles) => [.. roles.SelectMany(OfRole)];

    /// <summary>Whether any granted permission implies <paramref name="required"/>, as Apache Shiro's wildcard permissions do.</summary>
    public static bool Permits(IEnumerable<string> granted, string required) => granted.Any(g => Implies(g, required));

    private static bool Implies(string granted, string required)
    {
        var have = granted.Split(':');
        var want = required.Split(':');
        for (var i = 0; i < want.Length; i++)
        {
            if (i >= have.Length) return true;
            if (have[i] != "*" && !have[i].Split(',').Contains(want[i], StringComparer.Ordinal)) return false;
        }
        return have.Skip(want.Length).All(p => p == "*");
    }
}
