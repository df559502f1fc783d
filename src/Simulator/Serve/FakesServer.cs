using System.Text.Json;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Glucose;
using Simulator.Glucose.Generation;
using Simulator.Journal;
using Simulator.Runs;
using Simulator.Time;
using Simulator.Vendors;
using Simulator.Vendors.Tls;

namespace Simulator.Serve;

/// <summary>
/// <c>simulator fakes serve</c>: every fake a scenario uses, standing on its own for a team's app. The last day of
/// readings is there at once; new ones arrive on the scenario clock (the trace on a loop); the fault timeline runs
/// once from the scenario's start; everything is journaled, and each fake answers <c>GET /__harness/journal</c>.
/// </summary>
public sealed class FakesServer : IAsyncDisposable
{
    /// <summary>How far ahead the feed plans its readings and fault phases: small, so memory never grows with uptime.</summary>
    private static readonly TimeSpan PlanAhead = TimeSpan.FromHours(1);

    private readonly Scenario _scenario;
    private readonly VirtualClock _clock;
    private readonly RunJournal _journal;
    private readonly FakeSet _fakes;
    private readonly LoopedReadings _readings;
    private HarnessCertificate? _certificate;
    private bool _disposed;

    private FakesServer(Scenario scenario, VirtualClock clock, RunJournal journal, FakeSet fakes, LoopedReadings readings, ServeManifest manifest)
    {
        (_scenario, _clock, _journal, _fakes, _readings, Manifest) = (scenario, clock, journal, fakes, readings, manifest);
    }

    public ServeManifest Manifest { get; }

    /// <summary>The scenario clock the fakes run on (virtual time at the speed asked for).</summary>
    public TimeProvider Clock => _clock;

    /// <summary>Starts every fake, seeds the history and writes <c>fakes.json</c>; the clock runs from here on.</summary>
    public static async Task<FakesServer> StartAsync(ServeOptions options, CancellationToken ct)
    {
        if (options.Validate() is { Count: > 0 } problems)
            throw new RunFailedException(string.Join(" ", problems));
        var population = ScenarioPopulation.Expand(options.Scenario);
        var generated = ScenarioTraces.Generate(population.Scenario, population.Lives);
        var shift = options.StartAt is { } at ? ScenarioShift.To(population.Scenario, at) : TimeSpan.Zero;
        var scenario = ScenarioShift.By(population.Scenario, shift) with { Speed = options.Speed };
        var readings = ScenarioShift.By(generated, shift);
        var logins = options.Accounts.Select((a, i) => (Patient: scenario.Patients[i].Id, Login: (a.Name, a.Password)))
            .ToDictionary(x => x.Patient, x => x.Login);
        var credentials = new RunCredentials(scenario, population.DeviceTokens, population.AccountNames, logins);

        Directory.CreateDirectory(options.OutputDirectory);
        var journalPath = Path.GetFullPath(Path.Combine(options.OutputDirectory, "journal.jsonl"));
        var journal = new RunJournal(journalPath);
        var clock = new VirtualClock(scenario.Start, scenario.Speed);
        var context = new FakeContext(clock, journal, new FaultTimeline(scenario.Faults, scenario.Seed));
        FakeSet? fakes = null;
        HarnessCertificate? certificate = null;
        try
        {
            string? caPem = null;
            if (options.Https)
            {
                // Clients check a certificate's dates against their own wall clock, not the scenario's: issued from real now.
                certificate = HarnessCertificate.Create(TimeProvider.System, ExtraHosts(options.Bind), seed: scenario.Seed); // clock-ok: TLS validity is judged on wall time
                caPem = certificate.ExportPem(Path.Combine(options.OutputDirectory, "tls")).Authority;
            }
            var ports = new PortPlan(options.PortBase);
            var tls = certificate;
            fakes = new FakeSet(scenario, context, credentials, fake => ports.Start(fake, options.Bind, tls));
            if (fakes.Apns is not null)
                await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "apns-key.p8"), credentials.ApnsSigningKeyPem, ct);
            var looped = new LoopedReadings(readings, scenario.Start, scenario.Duration);
            SeedHistory(fakes, looped, scenario.Start - options.History, scenario.Start);
            var manifest = ServeManifest.Build(scenario, fakes, credentials, journalPath, caPem);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "fakes.json"),
                JsonSerializer.Serialize(manifest, ManifestJson), ct);
            journal.Append(new RunStarted { At = scenario.Start, Scenario = scenario.Name, Seed = scenario.Seed, Speed = scenario.Speed, Sut = "fakes-serve" });
            clock.Start();
            return new FakesServer(scenario, clock, journal, fakes, looped, manifest) { _certificate = certificate };
        }
        catch
        {
            fakes?.Dispose();
            certificate?.Dispose();
            await journal.DisposeAsync();
            throw;
        }
    }

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The readings before the start, stored as if each had been uploaded when it was taken.</summary>
    private static void SeedHistory(FakeSet fakes, LoopedReadings readings, DateTimeOffset from, DateTimeOffset start)
    {
        foreach (var reading in readings.Between(from, start.AddTicks(1)))
            foreach (var store in fakes.AllStores())
                store.Accept(reading, reading.SensorTime);
    }

    /// <summary>Feeds readings and journals fault phases on the scenario clock until cancelled (Ctrl-C, SIGTERM).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var from = _scenario.Start.AddTicks(1);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var until = from + PlanAhead;
                foreach (var (at, act) in Plan(from, until))
                {
                    var wait = at - _clock.GetUtcNow();
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, ct);
                    act();
                }
                from = until;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping is the normal end of a serve.
        }
    }

    private List<(DateTimeOffset At, Action Act)> Plan(DateTimeOffset from, DateTimeOffset until)
    {
        var readings = _readings.Between(from, until).Select(r => (r.SensorTime, (Action)(() => Feed(r))));
        var phases = _scenario.Faults
            .SelectMany(f => new[] { (At: f.At, Fault: f, Active: true), (At: f.Until, Fault: f, Active: false) })
            .Where(x => x.At >= from && x.At < until)
            .Select(x => (x.At, (Action)(() => _journal.Append(new FaultPhaseChanged
            {
                At = x.At, Target = x.Fault.Target.ToString(), Kind = x.Fault.Kind, Active = x.Active,
            }))));
        return [.. readings.Concat(phases).OrderBy(x => x.Item1)];
    }

    private void Feed(Reading reading)
    {
        _journal.Append(new ReadingGenerated { At = reading.SensorTime, Patient = reading.Patient, Mgdl = reading.Mgdl, Trend = reading.Trend.ToString() });
        foreach (var store in _fakes.AllStores()) store.Accept(reading);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _journal.Append(new RunEnded { At = _clock.GetUtcNow(), Outcome = "stopped" });
        _fakes.Dispose();
        _certificate?.Dispose();
        await _journal.DisposeAsync();
    }

    /// <summary>Names beyond loopback the certificate must carry: the address bound, when it is a specific one.</summary>
    private static IEnumerable<string> ExtraHosts(System.Net.IPAddress bind) =>
        System.Net.IPAddress.IsLoopback(bind) || bind.Equals(System.Net.IPAddress.Any) || bind.Equals(System.Net.IPAddress.IPv6Any) ? [] : [bind.ToString()];

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    /// <summary>Consecutive ports from a base (in the scenario's vendor order), or free ones.</summary>
    private sealed class PortPlan(int? portBase)
    {
        private int _next = portBase ?? 0;

        public void Start(VendorFake fake, System.Net.IPAddress bind, HarnessCertificate? certificate)
        {
            var port = portBase is null ? 0 : _next++;
            try
            {
                fake.Start(new FakeListen(bind, port, certificate?.Leaf));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException or WireMock.Exceptions.WireMockException)
            {
                throw new RunFailedException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The {fake.Vendor} fake could not listen on {bind} port {port}: {Innermost(e).Message} Give --port-base a range that is free, or leave it out to use any free ports."), e);
            }
        }
    }
}
