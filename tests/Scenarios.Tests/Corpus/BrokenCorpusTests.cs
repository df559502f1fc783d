using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Scenarios.Loading;

namespace Scenarios.Tests.Corpus;

/// <summary>
/// Every file in <c>Corpus/broken/</c> is a scenario with a mistake. Its first line says the first error a person must
/// see, <c># expect: LINE:COLUMN FIELD: MESSAGE</c> (no <c>FIELD: </c> for file-level and YAML syntax problems), and
/// an optional <c># expect-count: N</c> says how many errors the file has in all. The files are read from the source
/// tree, so adding a case is adding a file.
/// </summary>
public partial class BrokenCorpusTests
{
    public const int MinimumCases = 50;

    [GeneratedRegex(@"^# expect: (?<line>\d+):(?<column>\d+) (?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectHeader();

    [GeneratedRegex(@"^# expect-count: (?<count>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountHeader();

    /// <summary>Signs that internals leaked into a message: a stack frame, an exception or other .NET type name.</summary>
    [GeneratedRegex(@"\bat [\w.`]+\(|\bSystem\.\w|\bYamlDotNet\b|\bScenarios\.\w|Exception\b|\bNullReference|\bObject reference\b", RegexOptions.CultureInvariant)]
    private static partial Regex Internals();

    public static string Folder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "broken");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_cases()
    {
        var count = Directory.GetFiles(Folder(), "*.yaml").Length;
        Assert.True(count >= MinimumCases, $"the broken corpus in {Folder()} has {count} files; it must keep at least {MinimumCases}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_file_reports_the_expected_first_error(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), file));
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var expect = ExpectHeader().Match(lines[0]);
        Assert.True(expect.Success, $"{file}: the first line must be '# expect: LINE:COLUMN FIELD: MESSAGE', found '{lines[0]}'");
        var count = lines.Length > 1 ? CountHeader().Match(lines[1]) : Match.Empty;

        Exception? thrown = null;
        try
        {
            ScenarioLoader.LoadText(text, file);
        }
#pragma warning disable CA1031 // any exception is captured to report exactly what the loader did
        catch (Exception e)
#pragma warning restore CA1031
        {
            thrown = e;
        }
        Assert.NotNull(thrown);
        var failure = Assert.IsType<ScenarioValidationException>(thrown);
        Assert.NotEmpty(failure.Errors);

        var first = failure.Errors[0];
        var all = string.Join("\n", failure.Errors.Select(e => $"  {e.Line}:{e.Column} {Render(e)}"));
        Assert.True(
            Render(first) == expect.Groups["rest"].Value
                && first.Line == Number(expect, "line") && first.Column == Number(expect, "column"),
            $"{file}: expected first error\n  {lines[0]["# expect: ".Length..]}\nbut the loader reported\n{all}");

        foreach (var error in failure.Errors)
        {
            Assert.Equal(file, error.Origin);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{file}: an error has no message\n{all}");
            Assert.False(Internals().IsMatch(error.Message), $"{file}: a message shows internals: {error.Message}");
        }
        Assert.False(Internals().IsMatch(failure.Message), $"{file}: the exception message shows internals: {failure.Message}");

        if (count.Success)
            Assert.True(failure.Errors.Count == Number(count, "count"), $"{file}: expected {count.Groups["count"].Value} error(s), got {failure.Errors.Count}\n{all}");
    }

    /// <summary><c>FIELD: MESSAGE</c>, or just the message for file-level and syntax problems (empty field).</summary>
    private static string Render(ScenarioError error) => error.Field.Length > 0 ? $"{error.Field}: {error.Message}" : error.Message;

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
