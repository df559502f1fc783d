using Scenarios.Model;
using Simulator.Runs;

namespace Simulator.Serve;

/// <summary>
/// What a team needs to point its app at the standalone fakes: each fake's URL, and per patient the credentials each
/// vendor knows them by. Printed at start and written as <c>fakes.json</c> beside the journal.
/// </summary>
public sealed record ServeManifest
{
    public required string Scenario { get; init; }
    public required int Seed { get; init; }
    public required double Speed { get; init; }
    /// <summary>The scenario's start on the fakes' clock (moved to the serve's start unless kept); its faults are timed from it.</summary>
    public required DateTimeOffset Start { get; init; }
    public required IReadOnlyList<ServedFake> Fakes { get; init; }
    public required IReadOnlyList<ServedPatient> Patients { get; init; }
    /// <summary>PEM file of the certificate authority the HTTPS fakes' certificate chains to, or null over HTTP.</summary>
    public string? CaCertificate { get; init; }
    public required string Journal { get; init; }

    internal static ServeManifest Build(Scenario scenario, FakeSet fakes, RunCredentials credentials, string journalPath, string? caPem) => new()
    {
        Scenario = scenario.Name,
        Seed = scenario.Seed,
        Speed = scenario.Speed,
        Start = scenario.Start,
        Fakes = [.. fakes.All.Select(f => new ServedFake(f.Vendor, f.BaseUrl.ToString().TrimEnd('/'), FakeCredentials.Shared(f, credentials)))],
        Patients = [.. scenario.Patients.Select(p => new ServedPatient(p.Id,
            fakes.All.Select(f => (f.Vendor, Fields: FakeCredentials.Of(f, p, credentials)))
                .Where(x => x.Fields.Count > 0)
                .ToDictionary(x => x.Vendor, x => x.Fields)))],
        CaCertificate = caPem,
        Journal = journalPath,
    };
}

/// <summary>One fake: its vendor id, root URL, and what every client of it shares (a project id, a bearer token).</summary>
public sealed record ServedFake(string Vendor, string Url, IReadOnlyDictionary<string, string> Shared);

/// <summary>A patient and, per vendor, the fields a client logs in or sends with (account, password, site, token…).</summary>
public sealed record ServedPatient(string Id, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Credentials);
