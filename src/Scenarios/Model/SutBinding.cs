namespace Scenarios.Model;

/// <summary>The system under test: the built-in ReferenceSystem with a profile, or an external one by URL.</summary>
public abstract record SutBinding;

public sealed record BuiltinSut(string Profile) : SutBinding
{
    public static readonly IReadOnlyList<string> Profiles = ["naive", "resilient"];

    /// <summary>The data vendors the ReferenceSystem knows how to follow a patient through.</summary>
    public static readonly IReadOnlyList<string> FollowsThrough = [VendorIds.DexcomShare, VendorIds.Nightscout];

    /// <summary>The push vendors the ReferenceSystem sends its alerts through.</summary>
    public static readonly IReadOnlyList<string> NotifiesThrough = [VendorIds.Fcm];
}

/// <summary>An external system reachable over loopback HTTP that speaks the harness's SUT protocol.</summary>
public sealed record ExternalSut(Uri BaseUrl) : SutBinding;
