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
        catch (UndefinedAliasException e)
        {
            d.Add(e.Start, "", $"the alias '*{Yaml.Show(e.Anchor)}' refers to no anchor defined before it; define '&{Yaml.Show(e.Anchor)}' on an earlier value (an alias cannot refer forward, or to the value it is inside)");
            return null;
        }
        catch (YamlException e) when (e.Message.Contains("tab character", StringComparison.Ordinal)
            && FirstIndentingTab(yaml, (int)e.Start.Line) is { } tab)
        {
            // YamlDotNet reports where the scanner gave up, which may be the line before; point at the tab itself.
            d.Add(tab, "", "a tab character is used for indentation here; YAML indents with spaces only, so replace the tab with spaces");
            return null;
        }
        catch (YamlException e)
        {
            d.Add(e.Start, "", SyntaxMessage(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet occasionally fails this way on malformed input (e.g. an unclosed flow list). Point at the
            // bracket left open when there is one, else at where parsing stopped.
            if (parser.OpenFlow is { } open)
                d.Add(open.Start, "", $"YAML syntax error: the '{open.Bracket}' opened here is not closed; add the '{(open.Bracket == '[' ? ']' : '}')}' (or check for a comma or quote out of place inside it)");
            else
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

    /// <summary>Where (1-based) the first tab in a line's indentation is, on lines <paramref name="nearLine"/> - 1 to + 1; null if none.</summary>
    private static Mark? FirstIndentingTab(string yaml, int nearLine)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        for (var i = Math.Max(0, nearLine - 2); i < Math.Min(lines.Length, nearLine + 1); i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
                return new Mark(0, i + 1, tab + 1);
        }
        return null;
    }

    private static string SyntaxMessage(YamlException e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
            return $"the key '{Yaml.Show(message["Duplicate key".Length..].Trim())}' appears twice in the same mapping; keep one";
        if (message.Contains("quoted scalar", StringComparison.Ordinal))
            return "YAML syntax error: the quoted text starting here is not closed before the next key; add the closing quote";
        if (message.Length > 0)
            message = char.ToLowerInvariant(message[0]) + message[1..];
        return $"YAML syntax error: {message}; check the indentation, quotes and brackets here";
    }

    /// <summary>An alias to an anchor not (yet) complete: YamlDotNet would resolve it later, and overflows the stack doing so for a mapping key.</summary>
    private sealed class UndefinedAliasException(Mark start, Mark end, string anchor)
        : YamlException(start, end, $"undefined alias {anchor}")
    {
        public string Anchor { get; } = anchor;
    }

    /// <summary>
    /// Remembers where the last well-formed event ended, for errors that come without a position, which flow
    /// collections are open, and which anchors are complete, to refuse an alias that refers forward or to its own parent.
    /// </summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        /// <summary>Collections being read, innermost last: where each began, its bracket when in flow style, its anchor.</summary>
        private readonly Stack<(Mark Start, char? Bracket, string? Anchor)> _open = new();
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

        public Mark LastGood { get; private set; } = Mark.Empty;
        public ParsingEvent? Current => inner.Current;

        /// <summary>The innermost collection still open, when it is a flow one (<c>[</c> or <c>{</c>).</summary>
        public (Mark Start, char Bracket)? OpenFlow => _open.TryPeek(out var top) && top.Bracket is { } b ? (top.Start, b) : null;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
                LastGood = current.End;
            if (!inner.MoveNext())
                return false;
            switch (inner.Current)
            {
                case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                    throw new UndefinedAliasException(alias.Start, alias.End, alias.Value.Value);
                case Scalar { Anchor.IsEmpty: false } scalar:
                    _anchors.Add(scalar.Anchor.Value);
                    break;
                case SequenceStart start:
                    _open.Push((start.Start, start.Style == SequenceStyle.Flow ? '[' : null, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                    break;
                case MappingStart start:
                    _open.Push((start.Start, start.Style == MappingStyle.Flow ? '{' : null, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                    break;
                case SequenceEnd or MappingEnd when _open.Count > 0:
                    if (_open.Pop().Anchor is { } anchor)
                        _anchors.Add(anchor);
                    break;
            }
            return true;
        }
    }
}
