using Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>
/// Reads a scenario file (format v1, YAML) into a validated <see cref="Scenario"/>. Every problem in the file is found
/// before anything runs and reported together in one <see cref="ScenarioValidationException"/>.
/// </summary>
public static class ScenarioLoader
{
    /// <exception cref="ScenarioValidationException">The file is missing, unreadable, or not a valid scenario.</exception>
    public static Scenario LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            if (Directory.Exists(path))
                throw Single(path, $"'{Path.GetFullPath(path)}' is a directory, not a scenario file; give the path of a .yaml file");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Single(path, $"file not found (looked for '{SafeFullPath(path)}'); check the path, or use a built-in scenario name");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Single(path, $"the file could not be read ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})");
        }
        return LoadText(text, path);
    }

    /// <param name="yaml">The scenario document.</param>
    /// <param name="origin">Where it came from, for messages: a file path, or <c>catalog:NAME</c>.</param>
    /// <exception cref="ScenarioValidationException">The text is not a valid scenario.</exception>
    public static Scenario LoadText(string yaml, string origin)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(origin);
        var d = new Diagnostics(origin);
        var root = ReadDocument(yaml, d);
        var scenario = root is null ? null : ScenarioParser.Parse(root, origin, d);
        if (d.HasErrors || scenario is null)
            throw new ScenarioValidationException(origin, d.HasErrors ? d.Sorted() : [new ScenarioError(origin, 0, 0, "", "the scenario could not be read")]);
        return scenario;
    }

    private static ScenarioValidationException Single(string origin, string message) =>
        new(origin, [new ScenarioError(origin, 0, 0, "", message)]);

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>The single YAML document's root node, or null with the syntax problem reported.</summary>
    private static YamlNode? ReadDocument(string yaml, Diagnostics d)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            d.Add(e.Start, "", SyntaxMessage(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet occasionally fails this way on malformed input (e.g. an unclosed flow list); point at where it stopped.
            d.Add(parser.LastGood, "", "YAML syntax error after this point; check for an unclosed bracket, brace or quote");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            d.AddFileLevel("the file is empty; a scenario needs at least name, title, start, duration, vendors and patients");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            d.Add(stream.Documents[1].RootNode, "", "the file holds more than one YAML document (separated by '---'); put one scenario per file");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static string SyntaxMessage(YamlException e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
            return $"the key '{Yaml.Show(message["Duplicate key".Length..].Trim())}' appears twice in the same mapping; keep one";
        if (message.Length > 0)
            message = char.ToLowerInvariant(message[0]) + message[1..];
        return $"YAML syntax error: {message}; check the indentation, quotes and brackets here";
    }

    /// <summary>Remembers where the last well-formed event ended, for errors that come without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
                LastGood = current.End;
            return inner.MoveNext();
        }
    }
}
