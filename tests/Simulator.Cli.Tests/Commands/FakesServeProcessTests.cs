using System.Diagnostics;

namespace Simulator.Cli.Tests.Commands;

/// <summary>
/// <c>simulator fakes serve</c> as its own process, stopped the way a service manager or a terminal stops it:
/// SIGTERM or SIGINT, and it must leave a complete journal and exit 0.
/// </summary>
public sealed class FakesServeProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fakes-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_the_fakes_cleanly_and_the_journal_says_so(string signal)
    {
        var scenario = Path.Combine(_dir, "s.yaml");
        await File.WriteAllTextAsync(scenario, """
            name: proc-test
            title: Process test
            start: 2024-01-01T00:00:00Z
            duration: 1h
            vendors: [dexcom-share, fcm]
            patients:
              - id: child-1
                trace: { source: scripted, points: { 0h: 120, 1h: 90 } }
                followers: [parent-1]
            """);
        var outDir = Path.Combine(_dir, "out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "simulator.dll"), "fakes", "serve", scenario, "--out", outDir })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var waited = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(outDir, "fakes.json")))
            {
                if (process.HasExited) Assert.Fail($"fakes serve exited early: {await error}");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "fakes serve was not up within 60 s");
                await Task.Delay(50);
            }
            Assert.Equal(0, Signals.Send(process.Id, signal == "TERM" ? Signals.Term : Signals.Interrupt));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await error);
        Assert.Contains("Stopped. Journal:", await output, StringComparison.Ordinal);
        var last = File.ReadLines(Path.Combine(outDir, "journal.jsonl")).Last();
        Assert.Contains("\"type\":\"run-ended\"", last, StringComparison.Ordinal);
    }
}

/// <summary>POSIX kill(2), so the test needs no <c>kill</c> binary on the machine.</summary>
internal static class Signals
{
    public const int Interrupt = 2, Term = 15;

    // A plain DllImport: LibraryImport would need unsafe code in the test project for one int-only call.
#pragma warning disable SYSLIB1054
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    public static int Send(int pid, int signal) => Kill(pid, signal);
}
