using Scenarios.Model;
using Simulator.Journal;
using Simulator.Vendors;

namespace Simulator.Load.Recovery;

/// <summary>
/// The outage, fast-forwarded: every reading from the history start up to the live phase is accepted straight into the
/// Share fake's store at the instant the phone would have uploaded it (its sensor time), all patients interleaved in
/// time order, so the backlog fault queues them exactly as three days of real uploads would have been queued. The store
/// journals each one (<see cref="ReadingAccepted"/>) like any upload. Simulated, not sent over HTTP: no real time passes
/// and the virtual clock has not started; the live phase's uploads are real HTTP requests.
/// </summary>
internal static class FastForward
{
    /// <returns>Readings accepted.</returns>
    public static long Run(ReadingStore store, RunJournal journal, FaultSpec backlog, RecoveryPopulation population, RecoveryTraces traces,
        RecoveryTimeline timeline)
    {
        var patients = population.Patients;
        var live = timeline.LiveStartSlot;
        foreach (var patient in patients)
            store.Reserve(patient.Id, traces.Slots);
        var phaseJournaled = false;
        long accepted = 0;
        for (long slot = 0; slot < live; slot++)
        {
            foreach (var patient in patients)
            {
                var reading = traces.Reading(patient, slot);
                if (!phaseJournaled && reading.SensorTime >= backlog.At)
                {
                    journal.Append(new FaultPhaseChanged { At = backlog.At, Target = backlog.Target.ToString(), Kind = backlog.Kind, Active = true });
                    phaseJournaled = true;
                }
                store.Accept(reading, reading.SensorTime);
                accepted++;
            }
        }
        return accepted;
    }
}
