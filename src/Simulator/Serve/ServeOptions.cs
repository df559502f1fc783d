using System.Net;
using Scenarios.Model;

namespace Simulator.Serve;

/// <summary>What <c>simulator fakes serve</c> was asked for.</summary>
public sealed record ServeOptions
{
    public required Scenario Scenario { get; init; }
    /// <summary>Folder for the journal, the manifest (<c>fakes.json</c>) and the certificate's PEM files.</summary>
    public required string OutputDirectory { get; init; }
    public IPAddress Bind { get; init; } = IPAddress.Loopback;
    /// <summary>First port; fakes take consecutive ports in the order the scenario lists vendors. Null: free ports.</summary>
    public int? PortBase { get; init; }
    public bool Https { get; init; }
    /// <summary>Login names and passwords to use instead of the seeded ones, one per patient in order.</summary>
    public IReadOnlyList<AccountOverride> Accounts { get; init; } = [];
    /// <summary>Virtual seconds per real second; the default 1 keeps the fakes on wall-clock pace for a real app.</summary>
    public double Speed { get; init; } = 1;
    /// <summary>
    /// Where the scenario's start is moved to (faults and readings with it), e.g. now, so a real app sees current data;
    /// null keeps the scenario's own dates.
    /// </summary>
    public DateTimeOffset? StartAt { get; init; }
    /// <summary>How much history is there at once, before the scenario's start.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Problems with the options, as messages that say what to change; empty when they are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(Speed > 0) || Speed > 100_000)
            problems.Add($"--speed {Speed} is out of range: give virtual seconds per real second, above 0 and at most 100000 (1 keeps real time).");
        var fakes = Scenario.Vendors.Count;
        if (PortBase is { } p && (p < 1024 || p + fakes - 1 > IPEndPoint.MaxPort))
            problems.Add($"--port-base {p} leaves no room for {fakes} fakes: give a port from 1024 to {IPEndPoint.MaxPort - fakes + 1}, e.g. --port-base 47000.");
        if (Accounts.Count > Scenario.Patients.Count)
            problems.Add($"{Accounts.Count} --account options for {Scenario.Patients.Count} patient(s): give at most one per patient, in the order the scenario lists them.");
        return problems;
    }
}

/// <summary><c>--account NAME:PASSWORD</c>: the login a team's app is already configured with.</summary>
public sealed record AccountOverride(string Name, string Password)
{
    public static bool TryParse(string text, out AccountOverride? account)
    {
        account = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1) return false;
        account = new AccountOverride(text[..colon], text[(colon + 1)..]);
        return true;
    }
}
