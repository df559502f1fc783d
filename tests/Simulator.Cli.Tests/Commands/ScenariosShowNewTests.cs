using Scenarios.Loading;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;

namespace Simulator.Cli.Tests.Commands;

/// <summary><c>scenarios show</c> and <c>scenarios new</c>: reading a catalog entry, and starting one's own from it.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ScenariosShowNewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scenarios-new-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Show_says_what_an_entry_rehearses_its_source_faults_and_slos()
    {
        var (exit, output, _) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["show", "dexcom-share-2019"]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("dexcom-share-2019: Dexcom Share/Follow outage, 30 Nov – 2 Dec 2019", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("source: shared/spec/outage-catalog.md, DEX-2019-THANKSGIVING", StringComparison.Ordinal));
        Assert.Contains("runs 2019-11-29 22:00 -05:00 for 77h at 3000x (about 92 s), seed 20191130", lines);
        Assert.Contains("+3h to +65h  backlog on dexcom-share/read", lines);
        Assert.Contains("+75h30m to +76h30m  outage on dexcom-share", lines);
        Assert.Contains(lines, l => l.StartsWith("SLOs: missed == 0; missed.urgent-low == 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_yaml_prints_the_file_itself()
    {
        var (exit, output, _) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["show", "dexcom-share-2019", "--yaml"]);
        Assert.Equal(0, exit);
        Assert.Equal(Scenarios.Catalog.ScenarioCatalog.ReadText("dexcom-share-2019"), output);
    }

    [Fact]
    public async Task New_writes_a_renamed_copy_that_loads_like_the_entry()
    {
        var (exit, output, _) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["new", "my-share-outage", "--from", "dexcom-share-2019", "--out", _dir]);

        var path = Path.Combine(_dir, "my-share-outage.yaml");
        Assert.Equal(0, exit);
        Assert.Contains($"wrote {path}", output, StringComparison.Ordinal);
        var mine = ScenarioLoader.LoadFile(path);
        var entry = Scenarios.Catalog.ScenarioCatalog.Load("dexcom-share-2019");
        Assert.Equal("my-share-outage", mine.Name);
        Assert.Equal(entry.Faults.Select(f => (f.Kind, f.Target, f.At, f.Until)), mine.Faults.Select(f => (f.Kind, f.Target, f.At, f.Until)));
        Assert.Equal(entry.Source, mine.Source);
    }

    [Fact]
    public async Task New_never_overwrites_a_file()
    {
        var path = Path.Combine(_dir, "mine.yaml");
        await File.WriteAllTextAsync(path, "keep me");
        var (exit, _, error) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["new", "mine", "--from", "dexcom-share-2019", "--out", _dir]);
        Assert.Equal(1, exit);
        Assert.Equal($"error: '{path}' already exists; choose another name or --out folder, or delete the file first.", error.Trim());
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("My Outage", "--from", "dexcom-share-2019", "error: 'My Outage' is not a valid scenario name; use lowercase letters, digits and dashes, starting with a letter or digit, e.g. my-share-outage.")]
    [InlineData("mine", "--from", "no-such-entry", "error: There is no built-in scenario named 'no-such-entry'.")]
    public async Task New_refuses_bad_names_with_what_to_do(string name, string option, string from, string expected)
    {
        var (exit, _, error) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["new", name, option, from, "--out", _dir]);
        Assert.Equal(1, exit);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
