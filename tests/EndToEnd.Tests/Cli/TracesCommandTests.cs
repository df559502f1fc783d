using System.Globalization;
using System.Text.Json;

namespace EndToEnd.Tests.Cli;

public sealed class TracesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("traces-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Generate_writes_every_sensor_instant_and_stats_measures_the_file()
    {
        var csv = Path.Combine(_dir, "adult1.csv");

        var generated = await SimulatorProcess.RunAsync("traces", "generate", "--patient", "adult#001", "--days", "2", "--seed", "7", "--sensor", "g6", "--out", csv);
        var stats = await SimulatorProcess.RunAsync("traces", "stats", csv, "--format", "json");

        Assert.True(generated.ExitCode == 0, generated.StdErr);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("time,truthMgdl,sensorMgdl,trend,state", lines[0]);
        Assert.Equal(2 * 288, lines.Length - 1);   // one line per 5-minute instant, gaps included (empty sensor cell)
        Assert.StartsWith("2024-01-01T00:00:00Z,", lines[1], StringComparison.Ordinal);
        var sensorValues = lines.Skip(1).Select(l => l.Split(',')[2]).Where(v => v.Length > 0).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();

        Assert.True(stats.ExitCode == 0, stats.StdErr);
        using var json = JsonDocument.Parse(stats.StdOut);
        var root = json.RootElement;
        Assert.Equal(sensorValues.Count, root.GetProperty("readings").GetInt32());
        Assert.Equal(sensorValues.Average(), root.GetProperty("meanMgdl").GetDouble(), 6);
        Assert.Equal(100.0 * sensorValues.Count(v => v >= 70 && v <= 180) / sensorValues.Count, root.GetProperty("tirPercent").GetDouble(), 6);
        foreach (var key in new[] { "sdMgdl", "cvPercent", "gmiPercent", "tbr54Percent", "tbr70Percent", "tar180Percent", "tar250Percent", "lbgi", "hbgi" })
            Assert.True(root.TryGetProperty(key, out _), key);
    }

    [Fact]
    public async Task The_same_seed_generates_the_same_trace()
    {
        var first = await SimulatorProcess.RunAsync("traces", "generate", "--patient", "child#004", "--seed", "3", "--format", "json");
        var second = await SimulatorProcess.RunAsync("traces", "generate", "--patient", "child#004", "--seed", "3", "--format", "json");
        var other = await SimulatorProcess.RunAsync("traces", "generate", "--patient", "child#004", "--seed", "4", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.StdOut, second.StdOut);
        Assert.NotEqual(first.StdOut, other.StdOut);
        Assert.Equal(288, JsonDocument.Parse(first.StdOut).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_patient_and_a_broken_file_get_one_paragraph_and_exit_1()
    {
        var unknown = await SimulatorProcess.RunAsync("traces", "generate", "--patient", "adult#011");
        var broken = Path.Combine(_dir, "broken.csv");
        File.WriteAllText(broken, "time,truthMgdl,sensorMgdl,trend,state\n2024-01-01T00:00:00Z,120.0,abc,Flat,Ok\n");
        var stats = await SimulatorProcess.RunAsync("traces", "stats", broken);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("error: --patient 'adult#011' is not one of the 30 virtual patients; use adolescent#001..010, adult#001..010 or child#001..010 (e.g. adult#001).", unknown.StdErr.Trim());
        Assert.Equal(1, stats.ExitCode);
        Assert.Equal("error: broken.csv line 2: sensorMgdl is \"abc\", which is not a whole number of mg/dL; leave it empty for a gap", stats.StdErr.Trim());
    }

    [Fact]
    public async Task Stats_read_a_nightscout_export()
    {
        var path = Path.Combine(_dir, "entries.json");
        File.WriteAllText(path, """
            [ { "type": "sgv", "sgv": 50, "date": 1700000000000, "direction": "Flat" },
              { "type": "sgv", "sgv": 150, "date": 1700000300000, "direction": "Flat" } ]
            """);

        var stats = await SimulatorProcess.RunAsync("traces", "stats", path);

        Assert.True(stats.ExitCode == 0, stats.StdErr);
        Assert.Contains("mean            100.0 mg/dL", stats.StdOut, StringComparison.Ordinal);
        Assert.Contains("time < 54       50.0 %", stats.StdOut, StringComparison.Ordinal);
    }
}
