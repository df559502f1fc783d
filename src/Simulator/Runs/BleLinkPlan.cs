using Scenarios.Model;
using Simulator.Ble;
using Simulator.Ble.Link;
using Simulator.Ble.Radio;
using Simulator.Glucose.Cohorts;

namespace Simulator.Runs;

/// <summary>The transmitters a run plays over the BLE link: one per patient with a <c>ble:</c> block, seeded from the run.</summary>
public static class BleLinkPlan
{
    /// <summary>Transmitters were switched on this long before the scenario starts (a sensor session well under way).</summary>
    public static readonly TimeSpan ActivatedBeforeStart = TimeSpan.FromDays(3);

    /// <summary>A Dexcom transmitter wakes and measures every 5 minutes.</summary>
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);

    private const string IdAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static IReadOnlyList<BleLinkSpec> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var links = new List<BleLinkSpec>();
        for (var i = 0; i < scenario.Patients.Count; i++)
        {
            if (scenario.Patients[i] is not { Ble: { } ble } patient)
                continue;
            var linkId = (ushort)(links.Count + 1);
            var seed = SeedStreams.Derive(scenario.Seed, SeedStreams.Radio, (ulong)i);
            var random = new Random(SeedStreams.Derive(scenario.Seed, SeedStreams.Transmitter, (ulong)i));
            links.Add(new BleLinkSpec(
                linkId,
                patient.Id,
                ble.Id ?? TransmitterId(random),
                ble.Transmitter == "g7" ? TransmitterGeneration.G7 : TransmitterGeneration.G6,
                RadioPlan.From(ble.Radio, scenario.Start, seed),
                ble.Window,
                // Each transmitter wakes at its own second of the 5-minute cycle, after the slot's reading is measured.
                TimeSpan.FromSeconds(10 + random.Next(0, 120)),
                scenario.Start - ActivatedBeforeStart));
        }
        return links;
    }

    /// <summary>A G6-style id: 8G followed by four characters (no I or O, as on real transmitters).</summary>
    private static string TransmitterId(Random random) =>
        "8G" + new string([.. Enumerable.Range(0, 4).Select(_ => IdAlphabet[random.Next(IdAlphabet.Length)])]);
}
