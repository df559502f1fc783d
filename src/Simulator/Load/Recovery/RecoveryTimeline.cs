namespace Simulator.Load.Recovery;

/// <summary>
/// The instants of a recovery run. The outage starts at <see cref="OutageStart"/> (1 a.m. Eastern on 30 Nov 2019, as
/// Dexcom's did); the 24 hours before it are history the vendor shows as usual; the vendor recovers at
/// <see cref="Recovery"/>; the live phase starts <see cref="RecoveryOptions.Lead"/> earlier. Every patient's sensor reads
/// every 5 minutes at its own phase, spread evenly over the 5 minutes so the uploads of a large population arrive evenly
/// rather than all on the same instant.
/// </summary>
public sealed record RecoveryTimeline(DateTimeOffset OutageStart, TimeSpan Outage, TimeSpan Lead, int Patients)
{
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan History = TimeSpan.FromHours(24);
    public static readonly DateTimeOffset DefaultOutageStart = new(2019, 11, 30, 1, 0, 0, TimeSpan.FromHours(-5));

    public DateTimeOffset HistoryStart => OutageStart - History;
    public DateTimeOffset Recovery => OutageStart + Outage;
    public DateTimeOffset LiveStart => Recovery - Lead;

    /// <summary>The first reading slot uploaded live (earlier ones are fast-forwarded).</summary>
    public long LiveStartSlot => (LiveStart - HistoryStart).Ticks / ReadingInterval.Ticks;

    /// <summary>The patient's offset within each 5 minutes, in whole milliseconds (Share's time resolution).</summary>
    public TimeSpan Phase(int patient) => TimeSpan.FromMilliseconds(patient * (long)ReadingInterval.TotalMilliseconds / Patients);

    /// <summary>When reading <paramref name="slot"/> (0 at the history start) of a patient is taken.</summary>
    public DateTimeOffset SensorTime(int patient, long slot) => HistoryStart + TimeSpan.FromTicks(ReadingInterval.Ticks * slot) + Phase(patient);
}
