using Bogus;
using Bogus.DataSets;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Names from Bogus in the locale of the member's zone (US English for America/*, British for London, German for
/// Berlin, Australian for Sydney, plain English otherwise), so a cohort reads like the places it is spread over.
/// Each call uses the caller's seeded Randomizer; nothing touches Bogus's global seed.
/// </summary>
internal static class People
{
    public static Name Names(Randomizer random, string timeZoneId)
    {
        var locale = timeZoneId switch
        {
            _ when timeZoneId.StartsWith("America/", StringComparison.Ordinal) => "en_US",
            "Europe/London" => "en_GB",
            "Europe/Berlin" or "Europe/Vienna" or "Europe/Zurich" => "de",
            _ when timeZoneId.StartsWith("Australia/", StringComparison.Ordinal) => "en_AU",
            _ => "en",
        };
        return new Name(locale) { Random = random };
    }

    /// <summary>Half the phones are iPhones: a design choice that loads both push paths evenly.</summary>
    public static PhonePlatform Platform(Randomizer random) => random.Chance(0.5) ? PhonePlatform.Ios : PhonePlatform.Android;
}
