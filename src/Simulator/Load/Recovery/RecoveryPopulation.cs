using System.Globalization;
using System.Text;
using Simulator.Glucose.Cohorts;
using Simulator.Runs;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Load.Recovery;

/// <summary>A follower of a patient in a recovery run, with their phone's push token (from the cohort).</summary>
public sealed record RecoveryFollower(string Id, string Token);

/// <summary>A patient: cohort member, Share account, and the followers the follower system pushes to (often none).</summary>
public sealed record RecoveryPatient(int Index, CohortMember Member, ShareAccount Share, IReadOnlyList<RecoveryFollower> Followers)
{
    public string Id => Member.Id;
}

/// <summary>
/// The people of a recovery run: a seeded cohort (a third each children, adolescents, adults, with the cohort's
/// followers and device tokens), Share accounts derived from the same seed, and the patients that are followed: picked
/// in a seeded order, each with the followers the cohort gave them, until the run has exactly the followers asked for
/// (the last one picked may bring only some of theirs).
/// </summary>
public sealed class RecoveryPopulation
{
    private RecoveryPopulation(Cohort cohort, IReadOnlyList<RecoveryPatient> patients)
    {
        Cohort = cohort;
        Patients = patients;
        Followed = [.. patients.Where(p => p.Followers.Count > 0)];
    }

    public Cohort Cohort { get; }
    public IReadOnlyList<RecoveryPatient> Patients { get; }

    /// <summary>The patients the follower system follows (those with followers), in patient order.</summary>
    public IReadOnlyList<RecoveryPatient> Followed { get; }

    public int FollowerCount => Followed.Sum(p => p.Followers.Count);

    /// <exception cref="RunFailedException">The cohort has fewer followers than asked for.</exception>
    public static RecoveryPopulation Generate(int patients, int followers, int seed, DateTimeOffset start, TimeSpan duration)
    {
        var third = patients / 3;
        var request = CohortRequest.Mixed(third, third, patients - 2 * third, seed);
        var cohort = CohortGenerator.Generate(request, start, duration);
        var available = cohort.Members.Sum(m => m.Followers.Count);
        if (followers > available)
            throw new RunFailedException(string.Create(CultureInfo.InvariantCulture,
                $"--followers {followers} is more than the {patients} patients have: the cohort gives each 1 to 3 followers, {available} in all for seed {seed}; give at most {available}, or more patients."));

        var picked = PickFollowed(cohort, followers, seed);
        var random = new Random(seed ^ 0x5EED);
        var list = cohort.Members.Select((member, i) =>
        {
            var password = "pw-" + Hex(random, 6);
            var account = new ShareAccount(member.Id, AccountName(member.Person, i), password, NewGuid(random));
            var take = picked.GetValueOrDefault(i);
            return new RecoveryPatient(i, member, account, [.. member.Followers.Take(take).Select(f => new RecoveryFollower(f.Id, f.DeviceToken))]);
        }).ToList();
        return new RecoveryPopulation(cohort, list);
    }

    /// <summary>How many of each picked patient's followers the run uses, by patient index.</summary>
    private static Dictionary<int, int> PickFollowed(Cohort cohort, int followers, int seed)
    {
        // The cohort lists children first, then adolescents, then adults: shuffle so the followed are a cross-section.
        var order = Enumerable.Range(0, cohort.Members.Count).ToArray();
        new Random(seed ^ 0xF011).Shuffle(order);
        var picked = new Dictionary<int, int>();
        var left = followers;
        foreach (var index in order)
        {
            if (left == 0) break;
            var take = Math.Min(left, cohort.Members[index].Followers.Count);
            if (take == 0) continue;
            picked[index] = take;
            left -= take;
        }
        return picked;
    }

    /// <summary>ASCII letters of the person's names and the member's number, so every account name is unique.</summary>
    private static string AccountName(Person person, int index)
    {
        static string Letters(string name) => new([.. name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        return string.Create(CultureInfo.InvariantCulture, $"{Letters(person.FirstName)}.{Letters(person.LastName)}.{index + 1}");
    }

    private static string Hex(Random random, int bytes)
    {
        var b = new byte[bytes];
        random.NextBytes(b);
        return Convert.ToHexStringLower(b);
    }

    private static Guid NewGuid(Random random)
    {
        var b = new byte[16];
        random.NextBytes(b);
        return new Guid(b);
    }
}
