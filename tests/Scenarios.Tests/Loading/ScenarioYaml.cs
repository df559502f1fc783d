using Scenarios.Loading;
using Scenarios.Model;

namespace Scenarios.Tests.Loading;

/// <summary>Small valid scenarios to build test cases from, and shortcuts to load them.</summary>
internal static class ScenarioYaml
{
    public const string Origin = "test.yaml";

    /// <summary>Lines 1-5: name, title, start (2024-01-01T00:00:00Z), duration (6h), vendors. Patients start on line 6.</summary>
    public const string Header = """
        name: t
        title: Test scenario
        start: 2024-01-01T00:00:00Z
        duration: 6h
        vendors: [dexcom-share, nightscout, fcm]
        """;

    /// <summary>A minimal valid scenario of exactly 9 lines: whatever <see cref="With"/> appends starts on line 10.</summary>
    public const string Base = Header + "\n" + """
        patients:
          - id: child-1
            trace: { source: scripted, points: { 0h: 120, 6h: 60 } }
            followers: [parent-1]
        """;

    public static string With(string more) => Base + "\n" + more + "\n";

    /// <summary>The header (5 lines) followed by <paramref name="patients"/>, which starts on line 6.</summary>
    public static string WithPatients(string patients) => Header + "\n" + patients + "\n";

    public static Scenario Load(string yaml) => ScenarioLoader.LoadText(yaml, Origin);

    public static ScenarioValidationException Fails(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => Load(yaml));

    public static IReadOnlyList<ScenarioError> Errors(string yaml) => Fails(yaml).Errors;

    public static ScenarioError SingleError(string yaml) => Assert.Single(Errors(yaml));

    public static ScenarioError Error(int line, int column, string field, string message) => new(Origin, line, column, field, message);
}
