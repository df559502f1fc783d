namespace Simulator.Tests.Glucose.Replay;

/// <summary>Paths of the small recorded-trace files copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Glucose", "Replay", "Fixtures", name);

    public static TimeZoneInfo NewYork => TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static TimeZoneInfo London => TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
