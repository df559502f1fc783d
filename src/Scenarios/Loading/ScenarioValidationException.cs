namespace Scenarios.Loading;

/// <summary>
/// A scenario could not be loaded. <see cref="Exception.Message"/> is one readable paragraph listing every problem
/// (with line, column and field); <see cref="Errors"/> holds them for tools that want to show them differently.
/// </summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException(string origin, IReadOnlyList<ScenarioError> errors)
        : base(Compose(origin, errors))
    {
        Origin = origin;
        Errors = errors;
    }

    /// <summary>The file path, or <c>catalog:NAME</c> for a built-in scenario.</summary>
    public string Origin { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Compose(string origin, IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var subject = origin.StartsWith(ScenarioOrigins.CatalogPrefix, StringComparison.Ordinal)
            ? $"Built-in scenario '{origin[ScenarioOrigins.CatalogPrefix.Length..]}'"
            : $"Scenario file '{origin}'";
        if (errors.Count == 0)
            return $"{subject} could not be loaded.";
        var count = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        var them = errors.Count == 1 ? "it" : "them";
        return $"{subject} has {count}: {string.Join("; ", errors)}. Fix {them} and run again.";
    }
}

internal static class ScenarioOrigins
{
    public const string CatalogPrefix = "catalog:";
}
