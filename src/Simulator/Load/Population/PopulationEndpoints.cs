namespace Simulator.Load.Population;

/// <summary>
/// Where the load goes: a null endpoint means the harness's own fake, started in-process on loopback. A Nightscout
/// endpoint may hold <c>{patient}</c>, replaced by each patient's id (real Nightscout sites are one per family);
/// without it every patient posts to the one site.
/// </summary>
public sealed record PopulationEndpoints(Uri? Share = null, string? Nightscout = null, Uri? Fcm = null)
{
    public const string PatientPlaceholder = "{patient}";

    public static PopulationEndpoints BuiltIn { get; } = new();

    public bool AnyExternal => Share is not null || Nightscout is not null || Fcm is not null;

    /// <summary>The Nightscout site of one patient (external endpoint only).</summary>
    public Uri NightscoutSite(string patient) =>
        new((Nightscout ?? throw new InvalidOperationException("No external Nightscout endpoint was given."))
            .Replace(PatientPlaceholder, Uri.EscapeDataString(patient), StringComparison.Ordinal));
}
