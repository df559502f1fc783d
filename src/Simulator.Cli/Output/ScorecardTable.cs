using System.Globalization;
using Scenarios.Model;
using Simulator.Reports;
using Simulator.Scoring;
using Spectre.Console;

namespace Simulator.Cli.Output;

/// <summary>The scorecard as a person reads it in a terminal: one column per system under test, side by side.</summary>
internal static class ScorecardTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<string> labels, IReadOnlyList<RunReport> reports)
    {
        var table = new Table().Title("[bold]Alert delivery scorecard[/]").AddColumn(new TableColumn("").NoWrap());
        foreach (var label in labels) table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());

        foreach (var type in AlertTypes.All.Where(t => reports.Any(r => r.Scorecard.Alerts[t].Expected > 0)))
            Row(table, $"{type}: on time/late/missed", reports, r => Outcomes(r.Scorecard.Alerts[type]));
        Row(table, "latency p50/p95/max", reports, r => Latency(r.Scorecard.Total.Latency));
        Row(table, "duplicate/false/too-late", reports, r => $"{r.Scorecard.Total.Duplicate}/{r.Scorecard.Total.False}/{r.Scorecard.Total.TooLate}");
        Row(table, "told data stopped (worst)", reports, r => r.Scorecard.NoData.Gaps.Count == 0 ? "no gaps"
            : r.Scorecard.NoData.UntoldGaps > 0 ? $"[red]never ({r.Scorecard.NoData.UntoldGaps} of {r.Scorecard.NoData.Gaps.Count})[/]"
            : SloEvaluator.Duration(r.Scorecard.NoData.WorstNoticeSeconds!.Value));
        Row(table, "stale, no notice (follower-min)", reports, r => r.Scorecard.StaleExposure.FollowerMinutes.ToString("0.#", CultureInfo.InvariantCulture));
        Row(table, "alert burst (max in 5 min)", reports, r => r.Scorecard.AlertBurst.Max.ToString(CultureInfo.InvariantCulture));
        Row(table, "readings never visible", reports, r => $"{r.Scorecard.Readings.NeverVisibleToFollowers} of {r.Scorecard.Readings.Generated}");
        if (reports.Any(r => r.Scorecard.LocalAlarms is not null))
        {
            // The same glucose alerts on the patient's own phone and on the followers' phones (BLE patients only).
            Row(table, "phone alarms: on time/late/missed", reports, r => r.Scorecard.LocalAlarms is { } l ? Outcomes(l.Total) : "n/a");
            Row(table, "followers, same alerts", reports, r => r.Scorecard.LocalAlarms is { } l ? Outcomes(l.Followers) : "n/a");
            Row(table, "phone signal-loss alarms", reports, r => r.Scorecard.LocalAlarms?.SignalLossAlarms.ToString(CultureInfo.InvariantCulture) ?? "n/a");
        }
        Row(table, "timing resolution", reports, r => $"±{r.Run.LatencyResolutionSeconds:0.#} s");
        table.AddRow("[bold]SLOs[/]");
        foreach (var (slo, i) in reports[0].Slos.Select((s, i) => (s, i)))
            Row(table, Markup.Escape(slo.Expression), reports, r => r.Slos[i].Met ? $"[green]met[/] {Markup.Escape(r.Slos[i].Measured)}" : $"[red]BREACHED[/] {Markup.Escape(r.Slos[i].Measured)}");
        Row(table, "[bold]verdict[/]", reports, r => r.Verdict == "met" ? "[green bold]all met[/]" : "[red bold]breached[/]");
        console.Write(table);
    }

    private static void Row(Table table, string name, IReadOnlyList<RunReport> reports, Func<RunReport, string> cell) =>
        table.AddRow([name, .. reports.Select(cell)]);

    private static string Outcomes(AlertTypeScore s)
    {
        var text = $"{s.OnTime}/{s.Late}/{s.Missed} of {s.Expected}";
        return s.Missed > 0 ? $"[red]{text}[/]" : $"[green]{text}[/]";
    }

    private static string Latency(LatencyStats l) => l.Count == 0 ? "n/a"
        : $"{SloEvaluator.Duration(l.P50Seconds ?? 0)}/{SloEvaluator.Duration(l.P95Seconds ?? 0)}/{SloEvaluator.Duration(l.MaxSeconds ?? 0)}";
}
