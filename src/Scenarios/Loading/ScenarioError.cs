namespace Scenarios.Loading;

/// <summary>
/// One problem found in a scenario file. <paramref name="Line"/> and <paramref name="Column"/> are 1-based
/// (0 when the problem concerns the whole file, e.g. it does not exist); <paramref name="Field"/> is a path such as
/// <c>faults[1].until</c> (empty for file-level and YAML syntax problems).
/// </summary>
public sealed record ScenarioError(string Origin, int Line, int Column, string Field, string Message)
{
    /// <summary><c>line 4, column 3, 'faults[0].kind': unknown fault kind 'outag' (did you mean 'outage'?)</c></summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"line {Line}, column {Column}, " : "";
        var field = Field.Length > 0 ? $"'{Field}': " : "";
        return where + field + Message;
    }
}
