using System.Runtime.CompilerServices;
using System.Text.Json;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;

namespace Simulator.Cli.Tests.Commands;

/// <summary><c>simulator scenarios schema [--out FILE]</c>: the published JSON Schema, printed or written.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ScenariosSchemaCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("schema-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Published([CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "scenario.schema.json")).ReplaceLineEndings("\n");

    [Fact]
    public async Task Schema_prints_valid_json_equal_to_the_published_file()
    {
        var (exit, output, error) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["schema"]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using (var document = JsonDocument.Parse(output))
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
            Assert.True(document.RootElement.GetProperty("properties").TryGetProperty("faults", out _));
        }
        Assert.True(Published() == output.ReplaceLineEndings("\n"),
            "docs/scenario.schema.json is out of date; run `simulator scenarios schema --out docs/scenario.schema.json` and commit it");
    }

    [Fact]
    public async Task Schema_out_writes_the_file_and_prints_only_where()
    {
        var path = Path.Combine(_dir, "nested", "scenario.schema.json");

        var (exit, output, error) = await ConsoleCapture.InvokeAsync(ScenariosCommand.Create(), ["schema", "--out", path]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal($"wrote {path}", output.Trim());
        Assert.Equal(Published(), File.ReadAllText(path));
    }
}
