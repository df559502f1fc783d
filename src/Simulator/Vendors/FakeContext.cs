using Simulator.Faults;
using Simulator.Journal;

namespace Simulator.Vendors;

/// <summary>What every vendor fake of one run shares: the run's clock, its journal and its fault timeline.</summary>
public sealed record FakeContext(TimeProvider Clock, RunJournal Journal, FaultTimeline Faults);
