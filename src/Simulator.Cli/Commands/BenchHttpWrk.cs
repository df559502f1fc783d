using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>What wrk reported: its request rate and its latency distribution (milliseconds by percentile).</summary>
internal sealed record WrkResult(double RequestsPerSecond, long Requests, IReadOnlyDictionary<double, double> LatencyMs, long Errors);

/// <summary>Finds, runs and reads wrk (Debian's package, 4.1.0) for <c>bench http</c>.</summary>
internal static partial class BenchHttpWrk
{
    public const string MissingMessage =
        "wrk is not on PATH, and bench http measures the load driver against wrk on the same endpoint. " +
        "Install it with `apt-get install -y wrk` (Debian/Ubuntu; use sudo if you are not root) and run again, or name its binary with --wrk PATH.";

    /// <summary>The wrk to run: <paramref name="wrk"/> itself when it is a path, else the first match on <paramref name="pathVariable"/>.</summary>
    /// <exception cref="RunFailedException">No such executable.</exception>
    public static string Locate(string wrk, string? pathVariable)
    {
        if (wrk.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return File.Exists(wrk) ? wrk : throw new RunFailedException($"--wrk '{wrk}' does not exist. {MissingMessage}");
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, wrk);
            if (File.Exists(candidate)) return candidate;
        }
        throw new RunFailedException(MissingMessage);
    }

    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int threads, int connections, int seconds, CancellationToken ct)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", url.ToString() }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new RunFailedException($"wrk ('{wrk}') could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        var output = await stdout;
        if (process.ExitCode != 0)
            throw new RunFailedException($"wrk exited with code {process.ExitCode}: {(await stderr).Trim()} {output.Trim()}".Trim());
        return Parse(output);
    }

    /// <summary>Reads wrk's text report (the only output it has); fails with wrk's own text when it is not one.</summary>
    public static WrkResult Parse(string output)
    {
        var rate = RateLine().Match(output);
        var total = TotalLine().Match(output);
        if (!rate.Success || !total.Success)
            throw new RunFailedException($"wrk's output has no 'Requests/sec' line, so there is no rate to compare with: {output.Trim()}");
        var latency = new SortedDictionary<double, double>();
        foreach (Match m in LatencyLine().Matches(output))
            latency[Number(m.Groups["p"].Value)] = ToMilliseconds(Number(m.Groups["v"].Value), m.Groups["unit"].Value);
        long errors = 0;
        if (Non2xx().Match(output) is { Success: true } non2xx) errors += (long)Number(non2xx.Groups["n"].Value);
        foreach (Match m in SocketErrors().Matches(output)) errors += (long)Number(m.Groups["n"].Value);
        return new WrkResult(Number(rate.Groups["v"].Value), (long)Number(total.Groups["n"].Value), latency, errors);
    }

    private static double ToMilliseconds(double value, string unit) => unit switch
    {
        "us" => value / 1000,
        "s" => value * 1000,
        "m" => value * 60_000,
        _ => value,
    };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Requests/sec:\s+(?<v>[\d.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s*(?<n>\d+) requests in ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^\s+(?<p>\d+(?:\.\d+)?)%\s+(?<v>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(?<n>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (?<n>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrors();
}
