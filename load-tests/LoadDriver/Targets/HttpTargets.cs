namespace LoadDriver.Targets;

/// <summary>Ready-made request delegates for <see cref="Running.LoadRunner"/>.</summary>
public static class HttpTargets
{
    /// <summary>
    /// A GET that reads the whole body (a request is not done until its answer is) and maps the status to an
    /// <see cref="Outcome"/>. Exceptions are left to the runner, which classifies them in one place.
    /// </summary>
    public static Func<CancellationToken, Task<Outcome>> Get(HttpClient client, Uri url)
    {
        ArgumentNullException.ThrowIfNull(client);
        LoopbackGuard.Ensure(url);
        return async ct =>
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
            return Outcome.FromStatus((int)response.StatusCode);
        };
    }
}
