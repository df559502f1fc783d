using System.CommandLine;
using System.Globalization;
using Scenarios.Loading;
using Scenarios.Model;
using Simulator.Cli.Output;
using Simulator.Load.Recovery;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator load recovery</c>: a vendor outage builds a backlog for every patient; at recovery it is released
/// (drain, burst or reorder) and the built-in ReferenceSystem has to catch up. Prints a summary per profile and writes
/// recovery.json, recovery.html and each profile's journal. Exit 0 when every asserted profile (default: resilient) lost
/// and duplicated nothing, 2 when one did, 1 when the run could not be done.
/// </summary>
internal static class LoadRecoveryCommand
{
    public const int ReadingsLostExitCode = 2;

    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = $"Patients whose phones upload through the outage, 1 to {RecoveryOptions.MaxPatients}.", DefaultValueFactory = _ => 10_000 };
        var followers = new Option<int>("--followers") { Description = "Followers in all (the cohort gives 1 to 3 per patient; patients are picked in a seeded order until there are this many).", DefaultValueFactory = _ => 2_000 };
        var outage = new Option<string>("--outage") { Description = "How long the vendor withholds every upload (1h to 7d, whole 5 minutes).", DefaultValueFactory = _ => "3d" };
        var release = new Option<string>("--release") { Description = "How the backlog comes out at recovery: drain:RATE (in order, e.g. drain:5000/s), burst, or reorder[:SPAN] (seeded random order over SPAN, default 30m).", DefaultValueFactory = _ => RecoveryRelease.Default.ToString() };
        var newUploads = new Option<string>("--new-uploads") { Description = "Uploads made after recovery: wait (queue behind the backlog, as in 2019) or bypass (visible at once).", DefaultValueFactory = _ => "wait" };
        var profile = new Option<string>("--profile") { Description = "ReferenceSystem profile(s) to put under test: naive, resilient or both (each in a world of its own, one after the other).", DefaultValueFactory = _ => "both" };
        var assert = new Option<string>("--assert") { Description = "Profiles whose lost or duplicated readings fail the run (exit 2): resilient, naive, both or none. Naive is expected to fail.", DefaultValueFactory = _ => "resilient" };
        var speed = new Option<double>("--speed") { Description = "Virtual seconds per real second in the live phase.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the population, its glucose, the accounts and a reordered release (recorded in the report).", DefaultValueFactory = _ => 20191130 };
        var output = new Option<string?>("--out") { Description = "Directory for recovery.json, recovery.html and the journals (default: runs/recovery-<seed>-<options>)." };
        var noJournal = new Option<bool>("--no-journal") { Description = "Keep the journals in memory only (the 10,000-patient journal is about 2.7 GB per profile)." };

        var command = new Command("recovery", "Rehearse a vendor's recovery from a long outage: the backlog is released and the ReferenceSystem must catch up.")
        {
            patients, followers, outage, release, newUploads, profile, assert, speed, seed, output, noJournal,
        };
        command.SetAction((parse, ct) => Failure.Guard(async () =>
        {
            var options = Options(parse.GetValue(patients), parse.GetValue(followers), parse.GetValue(outage)!, parse.GetValue(release)!,
                parse.GetValue(newUploads)!, parse.GetValue(profile)!, parse.GetValue(assert)!, parse.GetValue(speed), parse.GetValue(seed),
                parse.GetValue(output), !parse.GetValue(noJournal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backlog recovery: {options.Patients} patients, {options.Followers} followers, a {HumanDuration.Format(options.Outage)} outage released by {options.Release}, new uploads {Lower(options.NewUploads)}; live phase at {options.Speed}x; seed {options.Seed}."));
            var progress = new ConsoleProgress();
            var result = await RecoveryRunner.RunAsync(options, BuiltinReferenceSystem.StartAsync, TimeProvider.System, progress, ct);
            RecoverySummary.Write(Console.Out, result);
            return result.Report.ExitCode == 0 ? 0 : ReadingsLostExitCode;
        }));
        return command;
    }

    /// <summary>The checked options; every problem is one paragraph that says what to give instead.</summary>
    /// <exception cref="RunFailedException">An option cannot be read or is out of range.</exception>
    internal static RecoveryOptions Options(int patients, int followers, string outage, string release, string newUploads, string profile, string assert,
        double speed, int seed, string? output, bool writeJournal)
    {
        if (!HumanDuration.TryParse(outage, out var outageSpan, out var durationError))
            throw new RunFailedException($"--outage {outage}: {durationError}.");
        if (!RecoveryRelease.TryParse(release, out var releaseMode, out var releaseError))
            throw new RunFailedException(releaseError);
        var newUploadsMode = newUploads.Trim() switch
        {
            "wait" => BacklogNewUploads.Wait,
            "bypass" => BacklogNewUploads.Bypass,
            _ => throw new RunFailedException($"--new-uploads '{newUploads}' is not a choice; give wait (uploads after recovery queue behind the backlog) or bypass (they are visible at once)."),
        };
        var profiles = Profiles("--profile", profile, allowNone: false);
        var asserted = Profiles("--assert", assert, allowNone: true);
        var options = new RecoveryOptions
        {
            Patients = patients,
            Followers = followers,
            Outage = outageSpan,
            Release = releaseMode,
            NewUploads = newUploadsMode,
            Profiles = profiles,
            Asserted = asserted,
            Speed = speed,
            Seed = seed,
            OutputDirectory = output ?? DefaultOutput(patients, followers, outageSpan, releaseMode, newUploadsMode, profile.Trim(), speed, seed),
            WriteJournal = writeJournal,
        };
        options.Validate();
        return options;
    }

    private static IReadOnlyList<RecoveryProfile> Profiles(string option, string text, bool allowNone) => text.Trim() switch
    {
        "naive" => [RecoveryProfile.Naive],
        "resilient" => [RecoveryProfile.Resilient],
        "both" or "naive,resilient" or "resilient,naive" => [RecoveryProfile.Naive, RecoveryProfile.Resilient],
        "none" when allowNone => [],
        _ => throw new RunFailedException($"{option} '{text}' is not a choice; give naive, resilient or both{(allowNone ? ", or none" : "")}."),
    };

    /// <summary>Named by what was run, not when, so the same command writes to the same place.</summary>
    private static string DefaultOutput(int patients, int followers, TimeSpan outage, RecoveryRelease release, BacklogNewUploads newUploads, string profile,
        double speed, int seed)
    {
        var mode = new string([.. release.ToString().Where(char.IsAsciiLetterOrDigit)]);
        return Path.Combine("runs", string.Create(CultureInfo.InvariantCulture,
            $"recovery-{seed}-p{patients}-f{followers}-{HumanDuration.Format(outage)}-{mode}-{Lower(newUploads)}-{profile.Replace(',', '-')}-x{speed}"));
    }

    private static string Lower(BacklogNewUploads mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Prints each step as it is reported, in order (<see cref="Progress{T}"/> would post it to the thread pool).</summary>
    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine("  " + value);
    }
}
