using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Scenarios.Catalog;
using Simulator.Cli.Output;
using Simulator.Runs;
using Simulator.Serve;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator fakes serve SCENARIO</c>: the scenario's vendor fakes, standing on their own for a team's own app,
/// until Ctrl-C or SIGTERM. Exit 0 after a clean stop, 1 when they could not be started.
/// </summary>
internal static class FakesCommand
{
    public static Command Create() => new("fakes", "Vendor fakes on their own, for pointing your own app at them.") { Serve() };

    private static Command Serve()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A built-in scenario name (see `simulator scenarios list`) or a scenario file." };
        var https = new Option<bool>("--https") { Description = "Serve TLS with a certificate the harness makes; its CA is written as PEM beside the journal." };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default 127.0.0.1). Anything but loopback exposes the fakes and their credentials to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var portBase = new Option<int?>("--port-base") { Description = "First port; the fakes take consecutive ports in the order the scenario lists vendors (default: free ports)." };
        var accounts = new Option<string[]>("--account")
        {
            Description = "NAME:PASSWORD your app logs in with, instead of the seeded one; repeat for the next patient.",
            AllowMultipleArgumentsPerToken = false,
        };
        var speed = new Option<double>("--speed") { Description = "Virtual seconds per real second (default 1: real time, as your app expects).", DefaultValueFactory = _ => 1 };
        var at = new Option<string>("--start")
        {
            Description = "now (default): the scenario is moved so it starts now, as a real app expects; scenario: keep its own dates.",
            DefaultValueFactory = _ => "now",
        };
        var output = new Option<string?>("--out") { Description = "Directory for journal.jsonl, fakes.json and the certificate (default: runs/fakes-<scenario>-<time>)." };

        var command = new Command("serve", "Start every fake the scenario uses, with a day of readings, its fault timeline, and a journal.")
        {
            scenarioArg, https, bind, portBase, accounts, speed, at, output,
        };
        command.SetAction((parse, ct) => Failure.Guard(async () =>
        {
            var scenario = ScenarioCatalog.Resolve(parse.GetValue(scenarioArg)!);
            var address = ParseBind(parse.GetValue(bind)!);
            var logins = (parse.GetValue(accounts) ?? []).Select(ParseAccount).ToList();
            var outDir = parse.GetValue(output) ?? Path.Combine("runs", $"fakes-{scenario.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"); // clock-ok: names the folder only
            var options = new ServeOptions
            {
                Scenario = scenario, OutputDirectory = outDir, Bind = address, PortBase = parse.GetValue(portBase),
                Https = parse.GetValue(https), Accounts = logins, Speed = parse.GetValue(speed),
                StartAt = ParseStart(parse.GetValue(at)!),
            };

            // Stopping is this command's normal end: SIGTERM and SIGINT cancel the serve instead of ending the process, so the
            // journal is always closed and the exit code is 0, whoever's handler the runtime would have run first.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
            await using var server = await FakesServer.StartAsync(options, stop.Token);
            ServeListing.Write(Console.Out, scenario, server.Manifest, address);
            await server.RunAsync(stop.Token);
            await server.DisposeAsync();
            Console.WriteLine($"Stopped. Journal: {server.Manifest.Journal}");
            return 0;
        }));
        return command;
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => signal =>
    {
        signal.Cancel = true;
        stop.Cancel();
    };

    private static IPAddress ParseBind(string text)
    {
        if (text.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        return IPAddress.TryParse(text, out var address) ? address
            : throw new RunFailedException($"--bind '{text}' is not an IP address; give e.g. 127.0.0.1 (loopback, the default), ::1, or 0.0.0.0 to listen on every interface.");
    }

    private static DateTimeOffset? ParseStart(string text) => text switch
    {
        "now" => TimeProvider.System.GetUtcNow(), // clock-ok: the serve's anchor in real time, taken once
        "scenario" => null,
        _ => throw new RunFailedException($"--start '{text}' is not now or scenario; give now (the scenario starts at this moment) or scenario (keep its own dates)."),
    };

    private static AccountOverride ParseAccount(string text) =>
        AccountOverride.TryParse(text, out var account) ? account!
            : throw new RunFailedException($"--account '{text}' is not NAME:PASSWORD; write e.g. --account parent@example.com:secret (the name ends at the first colon).");
}
