using System.Globalization;
using Bogus;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Phone numbers that can never reach a real person, in E.164. Members in an America/* zone get North American
/// 555-0100…555-0199 numbers (reserved for fictional use in every area code by the NANPA), with an area code of
/// their zone; everyone else gets a UK Ofcom drama mobile number, 07700 900000…900999. Germany and Australia are
/// served from the UK range on purpose: we found no German fiction range and could not verify Australia's ACMA list
/// here, and these numbers are test identifiers, not locale cues. The ranges are small (100 per area code, 1,000 in
/// the UK), so numbers may repeat in a large cohort; a follower's identity is its <see cref="Follower.Id"/>.
/// </summary>
public static class PhoneNumbers
{
    private static readonly Dictionary<string, string[]> AreaCodes = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = ["212", "617", "404", "305"],
        ["America/Chicago"] = ["312", "713", "612", "214"],
        ["America/Denver"] = ["303", "801", "505", "406"],
        ["America/Los_Angeles"] = ["213", "415", "206", "503"],
    };

    private static readonly string[] OtherNorthAmerica = ["202", "303", "312", "415"];

    public static bool IsNorthAmerican(string timeZoneId) => timeZoneId.StartsWith("America/", StringComparison.Ordinal);

    internal static string Draw(Randomizer random, string timeZoneId)
    {
        if (IsNorthAmerican(timeZoneId))
        {
            var codes = AreaCodes.TryGetValue(timeZoneId, out var c) ? c : OtherNorthAmerica;
            return $"+1{random.ArrayElement(codes)}55501{random.Number(0, 99).ToString("00", CultureInfo.InvariantCulture)}";
        }
        return $"+447700900{random.Number(0, 999).ToString("000", CultureInfo.InvariantCulture)}";
    }

    /// <summary>True for a number in one of the two reserved ranges above.</summary>
    public static bool IsReserved(string e164) =>
        (e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal) && e164.AsSpan(5, 5).SequenceEqual("55501") && e164.AsSpan(2).ToString().All(char.IsAsciiDigit))
        || (e164.Length == 13 && e164.StartsWith("+447700900", StringComparison.Ordinal) && e164.AsSpan(10).ToString().All(char.IsAsciiDigit));
}
