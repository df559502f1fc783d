using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Sharding;
using Scenarios.Loading;
using Scenarios.Model;
using Simulator.Faults.Backlog;
using Simulator.Journal;
using Simulator.Time;

namespace Simulator.Load.Recovery;

/// <summary>
/// The live phase in rounds of 5 virtual minutes (one upload per patient each): at every round's start it releases the
/// next round of uploads to the load driver (an open model, so a slow vendor is charged from each upload's due time),
/// and from recovery on it asks the follower system whether every followed patient is fresh. It ends a margin after
/// the backlog has drained and every followed patient is fresh, or at the bound, whichever comes first. Rounds are
/// separate driver runs so the phase can end on any round without cutting a run short; each still measures from its own
/// intended send times.
/// </summary>
internal sealed class LivePhase(RecoveryInputs inputs, VirtualClock clock, PublisherUploads uploads, SutFollow follow, BacklogFault backlog,
    RunJournal journal, FaultSpec backlogSpec)
{
    public async Task<(IReadOnlyList<UploadSegment> Segments, string EndedBecause)> RunAsync(Uri target, CancellationToken ct)
    {
        var options = inputs.Options;
        var timeline = inputs.Timeline;
        var n = inputs.Population.Patients.Count;
        var followed = inputs.Population.Followed.Count;
        var interval = RecoveryTimeline.ReadingInterval;
        var perRealSecond = n / interval.TotalSeconds * options.Speed;
        var realRound = clock.ToReal(interval);
        var maxRounds = uploads.MaxRequests / n;
        var runner = new LoadRunner(inputs.Real);
        var segments = new List<(DateTimeOffset At, Task<LoadResult> Run)>();
        DateTimeOffset? bound = null, endAt = null;
        string endedBecause;
        for (long round = 0; ; round++)
        {
            var at = timeline.LiveStart + TimeSpan.FromTicks(interval.Ticks * round);
            await WaitUntilAsync(at, ct);
            if (at >= timeline.Recovery)
            {
                if (bound is null)
                {
                    journal.Append(new FaultPhaseChanged { At = timeline.Recovery, Target = backlogSpec.Target.ToString(), Kind = backlogSpec.Kind, Active = false });
                    bound = backlog.DrainedAt + options.MaxAfterDrain;
                }
                if (endAt is { } end && at >= end)
                {
                    endedBecause = $"every followed patient fresh and the backlog drained, then {HumanDuration.Format(options.Settle)} more";
                    break;
                }
                if (endAt is null && at >= backlog.DrainedAt && await follow.FreshCountAsync(at, ProfileRun.FreshWithin, ct) == followed)
                    endAt = at + options.Settle;
                if (endAt is null && at >= bound)
                {
                    endedBecause = $"the bound: {HumanDuration.Format(options.MaxAfterDrain)} after the backlog drained, not every followed patient fresh";
                    break;
                }
            }
            if (round >= maxRounds)
            {
                endedBecause = "the generated readings ran out";
                break;
            }
            var model = new ConstantRate(perRealSecond, realRound, maxRequests: n);
            segments.Add((at, runner.RunAsync(model, target, uploads.Send(round * n), Shard.Whole, ct)));
        }
        var results = await Task.WhenAll(segments.Select(s => s.Run));
        return ([.. segments.Zip(results, (s, r) => new UploadSegment(s.At, r))], endedBecause);
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        var wait = at - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, clock, ct);
    }
}
