using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

internal static class FaultYaml
{
    /// <summary>One fault: target on line 11, kind on line 14, <paramref name="options"/> from line 15 (4-space indented).</summary>
    public static string Fault(string kind, string options, string target = "dexcom-share/read") =>
        With($"""
            faults:
              - target: {target}
                at: 1h
                for: 1h
                kind: {kind}
            {options}
            """);
}
