namespace Scenarios.Model;

/// <summary>The system under test: the built-in ReferenceSystem with a profile, or an external one by URL.</summary>
public abstract record SutBinding;

public sealed record BuiltinSut(string Profile) : SutBinding
{
    public static readonly IReadOnlyList<string> Profiles = ["naive", "resilient"];
}

/// <summary>An external system reachable over loopback HTTP that speaks the harness's SUT protocol.</summary>
public sealed record ExternalSut(Uri BaseUrl) : SutBinding;
