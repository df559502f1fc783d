using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>Kind-specific rules about where a fault may aim, each error saying why and what to aim at instead.</summary>
internal static class FaultTargetRules
{
    /// <summary>A fault that changes what followers read: a data vendor, whole or its read endpoint.</summary>
    public static void DataVendorRead(FaultParseContext context, string kind, string does)
    {
        if (context.Target is not { } target)
            return;
        if (!VendorIds.DataVendors.Contains(target.Vendor, StringComparer.Ordinal))
            context.Map.Error("target", $"a {kind} fault {does}, so it applies only to data vendors ({string.Join(", ", VendorIds.DataVendors)}), not '{target.Vendor}'");
        else if (target.Endpoint is not null and not "read")
            context.Map.Error("target", $"a {kind} fault {does}, so aim it at the whole vendor or its read endpoint (e.g. {target.Vendor}/read), not '{target}'");
    }

    /// <summary>A fault of the push channel: push vendors only.</summary>
    public static void PushVendor(FaultParseContext context, string kind, string instead)
    {
        if (context.Target is { } target && !VendorIds.PushVendors.Contains(target.Vendor, StringComparer.Ordinal))
            context.Map.Error("target", $"a {kind} fault breaks notifications, so it applies only to push vendors ({string.Join(", ", VendorIds.PushVendors)}), not '{target.Vendor}'; {instead}");
    }
}
