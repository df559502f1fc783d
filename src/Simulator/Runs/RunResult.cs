using Simulator.Reports;

namespace Simulator.Runs;

/// <summary>A finished run: its report (also written to <see cref="ReportPath"/>) and where its journal is.</summary>
public sealed record RunResult(RunReport Report, string ReportPath, string JournalPath)
{
    public bool SlosMet => Report.Verdict == "met";
    public bool Completed => Report.Outcome == "completed";
}
