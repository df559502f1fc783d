using Bogus;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Independent, seeded random streams. Each member and each concern (meals, exercise, followers, …) gets its own
/// Randomizer, derived from the cohort seed with SplitMix64, so adding exercise rules does not reshuffle meals, and
/// member 7 is the same whether the cohort has 10 or 10,000 members.
/// </summary>
internal static class SeedStreams
{
    public const ulong Profiles = 1;
    public const ulong Person = 2;
    public const ulong Sleep = 3;
    public const ulong Meals = 4;
    public const ulong Exercise = 5;
    public const ulong Sensor = 6;
    public const ulong Followers = 7;
    public const ulong Dosing = 8;
    public const ulong Sensitivity = 9;
    // Run-level streams (not cohort members): a written patient's own seed, and its transmitter's radio and id.
    public const ulong PatientSeed = 10;
    public const ulong Radio = 11;
    public const ulong Transmitter = 12;
    /// <summary>Credentials of the vendors added after the first three (LibreLinkUp, Dexcom API, APNs, Twilio, webhooks).</summary>
    public const ulong VendorCredentials = 13;

    public static Randomizer For(int cohortSeed, ulong stream, ulong index) =>
        new(Derive(cohortSeed, stream, index));

    public static int Derive(int cohortSeed, ulong stream, ulong index)
    {
        var x = Mix((ulong)(uint)cohortSeed);
        x = Mix(x ^ stream);
        x = Mix(x ^ index);
        return unchecked((int)(x ^ (x >> 32)));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
