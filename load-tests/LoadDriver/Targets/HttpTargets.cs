namespace LoadDriver.Targets;

/// <summary>Ready-made request delegates for <see cref="Running.LoadRunner"/>, built on <see cref="HttpClient"/>.</summary>
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

    /// <summary>Any method, headers and body; the body is read to the end like <see cref="Get"/>.</summary>
    public static Func<CancellationToken, Task<Outcome>> Send(HttpClient client, RequestSpec request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        LoopbackGuard.Ensure(request.Url);
        var method = new HttpMethod(request.Method);
        return async ct =>
        {
            using var message = new HttpRequestMessage(method, request.Url);
            if (request.Body is { } body) message.Content = new ByteArrayContent(body);
            foreach (var (name, value) in request.Headers)
            {
                // Content-Type and friends belong to the content in HttpClient's model, not to the request.
                if (!message.Headers.TryAddWithoutValidation(name, value))
                    (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            return Outcome.FromStatus((int)response.StatusCode);
        };
    }

    /// <summary>
    /// A client for load runs: no cookies, no redirects (a 3xx is the answer being measured), enough connections for
    /// <paramref name="connections"/> requests at once, and no client timeout, since the runner times each request.
    /// </summary>
    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(1, connections),
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
    })
    { Timeout = Timeout.InfiniteTimeSpan };
}
