namespace Scenarios.Loading;

/// <summary>"Did you mean" suggestions: the closest known word within edit distance 2 (1 for very short words).</summary>
internal static class Suggest
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var word = input.ToLowerInvariant();
        var limit = word.Length <= 3 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.Ordinal))
                continue;
            var distance = Distance(word, candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>
    /// <c>unknown fault kind 'outag' (did you mean 'outage'?)</c>, or when nothing is close,
    /// <c>unknown fault kind 'x'; known kinds: outage, latency, backlog</c>.
    /// </summary>
    public static string Unknown(string what, string input, IReadOnlyList<string> known, string knownIntro)
    {
        var closest = Closest(input, known);
        return closest is not null
            ? $"unknown {what} '{Yaml.Show(input)}' (did you mean '{closest}'?)"
            : $"unknown {what} '{Yaml.Show(input)}'; {knownIntro}: {string.Join(", ", known)}";
    }

    /// <summary>Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("fro" → "for" is 1).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
