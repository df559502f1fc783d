using System.Globalization;

namespace Simulator.Glucose.Replay;

/// <summary>
/// A recorded trace could not be read. The message is one paragraph: the file, the line (and field where known),
/// what was wrong and what to do about it, so it can be shown to a scenario author as it is.
/// </summary>
public sealed class TraceImportException : Exception
{
    public TraceImportException(string sourceName, int? line, string? field, string problem, Exception? innerException = null)
        : base(Compose(sourceName, line, problem), innerException)
    {
        SourceName = sourceName;
        Line = line;
        Field = field;
    }

    public TraceImportException()
    {
    }

    public TraceImportException(string message) : base(message)
    {
    }

    public TraceImportException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The file (or the name the caller gave it) being read.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the problem, when it has one.</summary>
    public int? Line { get; }

    /// <summary>The column header or JSON property at fault, when there is one.</summary>
    public string? Field { get; }

    private static string Compose(string sourceName, int? line, string problem) =>
        line is { } l ? $"{sourceName} line {l.ToString(CultureInfo.InvariantCulture)}: {problem}" : $"{sourceName}: {problem}";
}
