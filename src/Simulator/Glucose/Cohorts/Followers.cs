using Bogus;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// A member's followers. Children and adolescents are followed by their parents (a third follower is another
/// caregiver); adults by a partner (at most one), a parent or a friend, weighted 2:1:1 (a design choice). Household
/// members (parents of a child, caregivers, partners) live in the patient's zone; an adult's parent or friend does
/// four times in five and otherwise lives in another zone of the request. Parents share the patient's surname.
/// </summary>
internal static class Followers
{
    public static IReadOnlyList<Follower> Draw(
        Randomizer random, string memberId, AgeGroup group, Person patient, FollowerRange range, IReadOnlyList<string> zones)
    {
        var count = random.Number(range.Min, range.Max);
        var followers = new List<Follower>(count);
        var hasPartner = false;
        for (var i = 0; i < count; i++)
        {
            var relationship = group == AgeGroup.Adult ? AdultRelationship(random, ref hasPartner)
                : i < 2 ? Relationship.Parent
                : Relationship.Caregiver;
            var livesWithPatient = group != AgeGroup.Adult || relationship == Relationship.Partner || random.Chance(0.8);
            var zone = livesWithPatient ? patient.TimeZoneId : random.ArrayElement(zones.ToArray());
            var names = People.Names(random, zone);
            var first = names.FirstName();
            var last = relationship == Relationship.Parent ? patient.LastName : names.LastName();
            var platform = People.Platform(random);
            followers.Add(new Follower(
                $"{memberId}-f{i + 1}",
                $"{first} {last}",
                relationship,
                PhoneNumbers.Draw(random, zone),
                platform,
                zone,
                DeviceTokens.Draw(random, platform)));
        }
        return followers;
    }

    private static Relationship AdultRelationship(Randomizer random, ref bool hasPartner)
    {
        var roll = random.Double();
        if (!hasPartner && roll < 0.5)
        {
            hasPartner = true;
            return Relationship.Partner;
        }
        // Without the partner option the remaining two are equally likely.
        return (hasPartner ? roll < 0.5 : roll < 0.75) ? Relationship.Parent : Relationship.Friend;
    }
}
