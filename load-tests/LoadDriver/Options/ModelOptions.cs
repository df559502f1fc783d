using System.Globalization;
using LoadDriver.Models;

namespace LoadDriver.Options;

/// <summary>
/// The load-model options of <c>simulator load http</c> as typed, before they are checked. Exactly one of
/// <see cref="Rate"/>, <see cref="Ramp"/>, <see cref="Bursts"/> and <see cref="Concurrency"/> picks the model.
/// </summary>
public sealed record ModelOptions(
    string? Rate,
    string? Ramp,
    string? Bursts,
    int? Concurrency,
    string Duration,
    long MaxRequests,
    int? MaxInFlight)
{
    /// <summary>
    /// The default bound on requests: far above what one 2-core machine sends in a minute on loopback, far below what a
    /// mistyped rate (an extra zero or three) would otherwise keep sending.
    /// </summary>
    public const long DefaultMaxRequests = 1_000_000;

    /// <summary>Builds the model, or says in one sentence which option is wrong and what to write instead.</summary>
    public bool TryBuild(out LoadModel? model, out string error)
    {
        model = null;
        var given = new[] { ("--rate", Rate is not null), ("--ramp", Ramp is not null), ("--bursts", Bursts is not null), ("--concurrency", Concurrency is not null) }
            .Where(g => g.Item2).Select(g => g.Item1).ToList();
        if (given.Count == 0)
            return Fail(out error, "no load model given; add one of --rate N (requests per second), --ramp FROM..TO, --bursts SIZE:EVERY (e.g. 500:1s) or --concurrency N (closed model).");
        if (given.Count > 1)
            return Fail(out error, $"{string.Join(" and ", given)} both pick a load model; give only one of --rate, --ramp, --bursts and --concurrency.");
        if (!DurationText.TryParse(Duration, "--duration", out var duration, out error)) return false;
        if (MaxRequests < 1)
            return Fail(out error, $"--max-requests {MaxRequests} is below 1; give the most requests the run may send, e.g. --max-requests 100000.");
        if (MaxInFlight is < 1)
            return Fail(out error, $"--max-in-flight {MaxInFlight} is below 1; give the most requests that may wait for an answer at once, e.g. --max-in-flight 256.");
        var inFlight = MaxInFlight ?? OpenModel.DefaultMaxInFlight;

        if (Concurrency is { } workers)
        {
            if (workers < 1)
                return Fail(out error, $"--concurrency {workers} is below 1; give the number of workers of the closed model, e.g. --concurrency 64.");
            if (MaxInFlight is not null)
                return Fail(out error, "--max-in-flight applies to open models (--rate, --ramp, --bursts); in a closed model --concurrency is the number in flight.");
            model = new ClosedModel(workers, duration, MaxRequests);
            return true;
        }
        if (Rate is not null)
        {
            if (!TryRate(Rate, out var rate) || rate <= 0)
                return Fail(out error, $"--rate '{Rate}' is not a rate; give requests per second above 0, e.g. --rate 200.");
            model = new ConstantRate(rate, duration, MaxRequests, inFlight);
            return true;
        }
        if (Ramp is not null)
        {
            var ends = Ramp.Split("..");
            if (ends.Length != 2 || !TryRate(ends[0], out var from) || !TryRate(ends[1], out var to) || from < 0 || to < 0 || from + to == 0)
                return Fail(out error, $"--ramp '{Ramp}' is not a ramp; write FROM..TO in requests per second, e.g. --ramp 10..500.");
            model = new RampingRate(from, to, duration, MaxRequests, inFlight);
            return true;
        }
        var parts = Bursts!.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1
            || !DurationText.TryParse(parts[1], "--bursts", out var every, out _))
            return Fail(out error, $"--bursts '{Bursts}' is not a burst pattern; write SIZE:EVERY, e.g. --bursts 500:1s for 500 requests at once every second.");
        var count = (long)Math.Ceiling(duration / every);
        model = new Bursts(Enumerable.Range(0, (int)Math.Min(count, int.MaxValue)).Select(i => new Burst(every * i, size)).TakeWhile(b => b.At < duration),
            duration, MaxRequests, inFlight);
        return true;
    }

    private static bool TryRate(string text, out double rate) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rate) && double.IsFinite(rate);

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
