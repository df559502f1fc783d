using System.CommandLine;
using System.Globalization;
using Simulator.Cli.Output;
using Simulator.Glucose.Generation;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator bench traces</c>: throughput figures for docs/benchmarks.md, measured outside the test suite.</summary>
internal static class BenchCommand
{
    public const int MaxPatients = 100_000;

    public static Command Create() => new("bench", "Measure the harness's own throughput.") { Traces(), BenchHttpCommand.Create(), BenchFakesCommand.Create() };

    private static Command Traces()
    {
        var patients = new Option<int>("--patients") { Description = "Virtual patients simulated together (a third each child, adolescent, adult).", DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--days") { Description = "Virtual days each.", DefaultValueFactory = _ => 1 };
        var sensor = new Option<string>("--sensor") { Description = "Sensor model: g6, g7 or libre2.", DefaultValueFactory = _ => "g6" };
        var seed = new Option<int>("--seed") { Description = "Seed of the cohort and the sensors.", DefaultValueFactory = _ => 1 };
        var command = new Command("traces", "Virtual patient-days per wall second of the UVA/Padova model with the sensor model.") { patients, days, sensor, seed };
        command.SetAction(parse => Failure.Guard(() =>
        {
            var n = parse.GetValue(patients);
            var d = parse.GetValue(days);
            if (n < 1 || n > MaxPatients)
                throw new RunFailedException($"--patients {n} is out of range; give 1 to {MaxPatients}.");
            if (d < 1 || d > TracesCommand.MaxDays)
                throw new RunFailedException($"--days {d} is out of range; give 1 to {TracesCommand.MaxDays}.");
            var kind = TracesCommand.SensorOf(parse.GetValue(sensor)!)
                ?? throw new RunFailedException("--sensor none measures no sensor; bench traces always includes one (g6, g7 or libre2).");
            // A short untimed pass first, so the figure is the steady state and not the JIT compiling the kernel.
            _ = TraceBenchmark.Run(Math.Min(n, 512), 1, kind, parse.GetValue(seed));
            var r = TraceBenchmark.Run(n, d, kind, parse.GetValue(seed));
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"{r.Patients} patients x {r.Days} days ({r.PatientDays:0} patient-days), sensor {r.Sensor}, {r.Threads} threads"));
            Console.WriteLine(string.Create(c, $"plans (meals, exercise, sleep, sensors): {r.PlanSeconds:0.00} s"));
            Console.WriteLine(string.Create(c, $"physiology + sensor: {r.SimulateSeconds:0.00} s, {r.Readings} readings"));
            Console.WriteLine(string.Create(c, $"throughput: {r.PatientDaysPerSecond:0} virtual patient-days per wall second"));
            return Task.FromResult(0);
        }));
        return command;
    }
}
