using Bogus;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// A member's usual bedtime and wake-up (local, on the quarter hour). The ranges are a design choice sized to the
/// AASM recommended sleep (Paruthi 2016, J Clin Sleep Med 12:785: 9–12 h at 6–12 y, 8–10 h at 13–18 y; Watson
/// 2015, Sleep 38:843: ≥ 7 h for adults): children 20:00–21:00 to 06:30–07:30, adolescents 21:30–23:30 to
/// 06:30–08:00, adults 22:00–00:00 to 06:00–08:00.
/// </summary>
internal static class SleepPlanner
{
    public static SleepWindow Draw(Randomizer random, AgeGroup group) => group switch
    {
        AgeGroup.Child => Window(random, 20 * 60, 21 * 60, 6 * 60 + 30, 7 * 60 + 30),
        AgeGroup.Adolescent => Window(random, 21 * 60 + 30, 23 * 60 + 30, 6 * 60 + 30, 8 * 60),
        _ => Window(random, 22 * 60, 24 * 60, 6 * 60, 8 * 60),
    };

    private static SleepWindow Window(Randomizer random, int bedFrom, int bedTo, int wakeFrom, int wakeTo)
    {
        var bed = random.Stepped(bedFrom, bedTo, 15) % (24 * 60);
        var wake = random.Stepped(wakeFrom, wakeTo, 15);
        return new SleepWindow(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(bed)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(wake)));
    }
}
