namespace Scenarios.Catalog;

/// <summary>A built-in scenario: <paramref name="Name"/> is what <see cref="ScenarioCatalog.Load"/> takes.</summary>
public sealed record CatalogEntry(string Name, string Title, string? Source, string? Description);
