using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Simulator.Cli.Output;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Metrics;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator traces generate</c>: one virtual patient's days (truth and sensor) as CSV or JSON;
/// <c>simulator traces stats FILE</c>: the consensus CGM metrics of a trace file or a Clarity/Nightscout export.
/// </summary>
internal static class TracesCommand
{
    /// <summary>Generated traces start here unless --start says otherwise: a fixed instant, so a seed repeats exactly.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int MaxDays = 366;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("traces", "Generate and measure glucose traces.") { Generate(), Stats() };

    private static Command Generate()
    {
        var patient = new Option<string>("--patient") { Description = "Virtual patient: adolescent#001..010, adult#001..010 or child#001..010.", Required = true };
        var days = new Option<int>("--days") { Description = "Days to generate.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the daily life and the sensor noise.", DefaultValueFactory = _ => 1 };
        var sensor = new Option<string>("--sensor") { Description = "Sensor: g6, g7, libre2, or none (an ideal 5-minute sensor).", DefaultValueFactory = _ => "g6" };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        var start = new Option<string?>("--start") { Description = "First instant (ISO 8601 with offset); default 2024-01-01T00:00:00Z." };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("generate", "Simulate one virtual patient with a seeded daily life and write time, true glucose, sensor glucose and trend.")
            { patient, days, seed, sensor, format, start, output };
        command.SetAction(parse => Failure.Guard(async () =>
        {
            var name = parse.GetValue(patient)!;
            if (!VirtualPatients.TryGet(name, out _))
                throw new RunFailedException($"--patient '{name}' is not one of the 30 virtual patients; use adolescent#001..010, adult#001..010 or child#001..010 (e.g. adult#001).");
            var dayCount = parse.GetValue(days);
            if (dayCount < 1 || dayCount > MaxDays)
                throw new RunFailedException($"--days {dayCount} is out of range; give 1 to {MaxDays} days.");
            var kind = SensorOf(parse.GetValue(sensor)!);
            var fmt = FormatOf(parse.GetValue(format)!);
            var first = StartOf(parse.GetValue(start));
            var points = PatientTrace.Generate(name, TimeSpan.FromDays(dayCount), parse.GetValue(seed), kind, first);
            var path = parse.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            if (fmt == "json")
            {
                TraceFile.WriteJson(stream, points);
            }
            else
            {
                await using var writer = new StreamWriter(stream);
                TraceFile.WriteCsv(writer, points);
            }
            return 0;
        }));
        return command;
    }

    private static Command Stats()
    {
        var file = new Argument<string>("file") { Description = "A file from `traces generate`, a Dexcom Clarity CSV export or a Nightscout entries.json." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("stats", "Consensus CGM metrics (Battelino 2019) and Kovatchev risk indices of a trace.") { file, format };
        command.SetAction(parse => Failure.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var fmt = parse.GetValue(format)!;
            if (fmt is not ("text" or "json"))
                throw new RunFailedException($"--format '{fmt}' is not known; use text or json.");
            if (!File.Exists(path))
                throw new RunFailedException($"Trace file '{Path.GetFullPath(path)}' does not exist; give the path of a trace written by `traces generate`, a Clarity CSV export or a Nightscout entries.json.");
            var values = TraceFile.ReadSensorValues(path);
            if (values.Count == 0)
                throw new RunFailedException($"Trace file '{path}' holds no sensor readings, so there is nothing to measure.");
            var metrics = GlucoseMetricsCalculator.Compute(values);
            Console.WriteLine(fmt == "json" ? JsonSerializer.Serialize(metrics, Json) : Describe(metrics));
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Describe(GlucoseMetrics m)
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            string.Create(c, $"readings        {m.Readings}"),
            string.Create(c, $"mean            {m.MeanMgdl:0.0} mg/dL (SD {m.SdMgdl:0.0}, CV {m.CvPercent:0.0} %)"),
            string.Create(c, $"GMI             {m.GmiPercent:0.00} %"),
            string.Create(c, $"time < 54       {m.Tbr54Percent:0.0} %"),
            string.Create(c, $"time < 70       {m.Tbr70Percent:0.0} %"),
            string.Create(c, $"time 70-180     {m.TirPercent:0.0} %"),
            string.Create(c, $"time > 180      {m.Tar180Percent:0.0} %"),
            string.Create(c, $"time > 250      {m.Tar250Percent:0.0} %"),
            string.Create(c, $"LBGI / HBGI     {m.Lbgi:0.00} / {m.Hbgi:0.00}"));
    }

    internal static SensorKind? SensorOf(string name) => name == "none"
        ? null
        : SensorKinds.Parse(name) ?? throw new RunFailedException($"--sensor '{name}' is not known; use {string.Join(", ", SensorKinds.Names)} or none.");

    private static string FormatOf(string format) => format is "csv" or "json"
        ? format
        : throw new RunFailedException($"--format '{format}' is not known; use csv or json.");

    private static DateTimeOffset StartOf(string? text)
    {
        if (text is null)
            return DefaultStart;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : throw new RunFailedException($"--start '{text}' is not an instant; write ISO 8601 with an offset, e.g. 2024-01-01T00:00:00Z.");
    }
}
