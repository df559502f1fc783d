using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

public sealed class TraceImporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trace-importer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Extension_picks_the_format()
    {
        Assert.Equal(14, TraceImporter.Load(Fixture.Path("clarity-mgdl.csv"), null, Fixture.NewYork).Readings.Count);
        Assert.Equal(5, TraceImporter.Load(Fixture.Path("nightscout-entries.json"), null, null).Readings.Count);
    }

    [Fact]
    public void Content_picks_the_format_when_the_extension_does_not()
    {
        var json = Path.Combine(_dir, "export.txt");
        File.Copy(Fixture.Path("nightscout-entries.json"), json);
        var csv = Path.Combine(_dir, "export.dat");
        File.Copy(Fixture.Path("clarity-mgdl.csv"), csv);

        Assert.Equal("export.txt", TraceImporter.Load(json, null, null).Source);
        Assert.Equal(14, TraceImporter.Load(csv, null, Fixture.NewYork).Readings.Count);
    }

    [Fact]
    public void An_explicit_format_wins_over_the_extension()
    {
        var path = Path.Combine(_dir, "entries.csv");
        File.Copy(Fixture.Path("nightscout-entries.json"), path);

        Assert.Equal(5, TraceImporter.Load(path, "nightscout", null).Readings.Count);
    }

    [Fact]
    public void Clarity_without_a_time_zone_is_refused()
    {
        var ex = Assert.Throws<TraceImportException>(() => TraceImporter.Load(Fixture.Path("clarity-mgdl.csv"), "clarity", null));
        Assert.Equal("clarity-mgdl.csv: a Clarity export writes local times without an offset, so the time zone they were recorded in is needed; give it as an IANA name such as America/New_York.", ex.Message);
    }

    [Fact]
    public void Unknown_format_is_refused()
    {
        var ex = Assert.Throws<TraceImportException>(() => TraceImporter.Load(Fixture.Path("clarity-mgdl.csv"), "libreview", null));
        Assert.Equal("clarity-mgdl.csv: \"libreview\" is not a trace format this importer knows; use \"clarity\" (Dexcom Clarity CSV export) or \"nightscout\" (Nightscout entries.json), or leave the format out to choose by extension.", ex.Message);
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        var path = Path.Combine(_dir, "missing.csv");
        var ex = Assert.Throws<TraceImportException>(() => TraceImporter.Load(path, null, Fixture.NewYork));
        Assert.Equal($"missing.csv: the file does not exist (looked for {path}); check the trace's file path.", ex.Message);
    }
}
