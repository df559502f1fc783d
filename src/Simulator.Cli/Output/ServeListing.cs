using System.Globalization;
using System.Net;
using Scenarios.Model;
using Simulator.Serve;

namespace Simulator.Cli.Output;

/// <summary>What <c>fakes serve</c> prints at start: one line per fake (vendor, URL), then the credentials per patient.</summary>
internal static class ServeListing
{
    public static void Write(TextWriter o, Scenario scenario, ServeManifest manifest, IPAddress bind)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Serving '{scenario.Name}' ({scenario.Title}) from {manifest.Start:yyyy-MM-dd HH:mm:ss zzz} at {manifest.Speed:0.###}x, seed {manifest.Seed}: the last 24 h of readings are in, new ones every 5 virtual minutes."));
        if (scenario.Faults.Count > 0)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Faults.Count} fault(s) on the timeline, the first at +{(scenario.Faults.Min(f => f.At) - scenario.Start).TotalMinutes:0} min."));
        if (!IPAddress.IsLoopback(bind))
            o.WriteLine($"warning: listening on {bind}, not loopback: anyone who can reach this machine can use these fakes and the credentials below.");
        var width = manifest.Fakes.Select(f => f.Vendor.Length).DefaultIfEmpty(6).Max();
        o.WriteLine($"{"vendor".PadRight(width)}  url");
        foreach (var fake in manifest.Fakes)
            o.WriteLine($"{fake.Vendor.PadRight(width)}  {fake.Url}");
        o.WriteLine("credentials:");
        foreach (var fake in manifest.Fakes.Where(f => f.Shared.Count > 0))
            o.WriteLine($"  {fake.Vendor}: {Fields(fake.Shared)}");
        foreach (var patient in manifest.Patients)
            foreach (var (vendor, fields) in patient.Credentials)
                o.WriteLine($"  {patient.Id} {vendor}: {Fields(fields)}");
        if (manifest.CaCertificate is { } ca)
            o.WriteLine($"certificate authority (trust it, or skip verification): {ca}");
        o.WriteLine($"journal: {manifest.Journal} (or GET <url>/__harness/journal on any fake)");
        o.WriteLine("Press Ctrl-C to stop.");
        o.Flush();
    }

    private static string Fields(IReadOnlyDictionary<string, string> fields) =>
        string.Join("  ", fields.Select(kv => $"{kv.Key}={kv.Value}"));
}
