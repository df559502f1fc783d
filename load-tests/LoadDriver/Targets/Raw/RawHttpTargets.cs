using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LoadDriver.Targets.Raw;

/// <summary>
/// A lean HTTP/1.1 keep-alive client for plain-HTTP loopback targets: the request is serialised once, each answer is
/// parsed only for its status and its end, and connections are reused until the server closes them, which is how wrk
/// gets its rate. <see cref="HttpClient"/> does far more per request (headers objects, content streams, pool
/// bookkeeping); on 2 cores that cost is the difference between measuring the server and measuring the client.
/// </summary>
public static class RawHttpTargets
{
    /// <summary>A GET of <paramref name="url"/> over at most <paramref name="connections"/> connections.</summary>
    public static RawHttpClient Get(Uri url, int connections) => Create(RequestSpec.Get(url), connections);

    public static RawHttpClient Create(RequestSpec request, int connections)
    {
        ArgumentNullException.ThrowIfNull(request);
        LoopbackGuard.Ensure(request.Url);
        if (request.Url.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"The raw client speaks plain HTTP/1.1 only, not {request.Url.Scheme}; use HttpClient for '{request.Url}'.");
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        return new RawHttpClient(request, connections);
    }
}

/// <summary>
/// The connection pool behind <see cref="RawHttpTargets"/>. <see cref="SendAsync"/> has the runner's send-delegate
/// shape. At most <c>connections</c> requests are on the wire at once; more wait for a free connection, and that
/// wait is part of their corrected latency, as it would be for a real client. Answers are read by a few
/// <see cref="RawHttpLoop"/> threads (one per core at most), each polling its share of the connections.
/// </summary>
public sealed class RawHttpClient : IAsyncDisposable
{
    private readonly EndPoint _endPoint;
    private readonly byte[] _request;
    private readonly SemaphoreSlim _slots;
    // A queue, not a stack: ConcurrentQueue reuses its segments, where every stack push allocates a node.
    private readonly ConcurrentQueue<RawHttpConnection> _idle = new();
    private readonly RawHttpLoop[] _loops;
    private int _nextLoop;
    private int _opened;
    private volatile bool _disposed;

    internal RawHttpClient(RequestSpec request, int connections)
    {
        var url = request.Url;
        _endPoint = IPAddress.TryParse(url.IdnHost, out var ip) ? new IPEndPoint(ip, url.Port) : new DnsEndPoint(url.IdnHost, url.Port);
        _request = RawHttpRequest.Encode(request);
        IsHead = request.Method == "HEAD";
        _slots = new SemaphoreSlim(connections, connections);
        _loops = [.. Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, connections)).Select(i => new RawHttpLoop(this, i))];
    }

    internal byte[] Request => _request;
    internal bool IsHead { get; }

    /// <summary>How many connections were opened in all: a kept-alive run opens each once.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    public Task<Outcome> SendAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ct.IsCancellationRequested) return Task.FromCanceled<Outcome>(ct);
        var wait = _slots.WaitAsync(ct);
        return wait.IsCompletedSuccessfully ? Start(ct) : StartAfterAsync(wait, ct);
    }

    private async Task<Outcome> StartAfterAsync(Task wait, CancellationToken ct)
    {
        await wait;
        return await Start(ct);
    }

    /// <summary>Takes an idle (or new) connection and hands the request to its loop.</summary>
    private Task<Outcome> Start(CancellationToken ct)
    {
        if (!_idle.TryDequeue(out var connection))
            connection = new RawHttpConnection(_endPoint, _loops[(uint)Interlocked.Increment(ref _nextLoop) % _loops.Length]);
        var exchange = new RawHttpExchange(connection, ct);
        connection.Current = exchange;
        if (ct.CanBeCanceled)
            exchange.Registration = ct.UnsafeRegister(static s => ((RawHttpExchange)s!).Connection.Loop.Cancel((RawHttpExchange)s!), exchange);
        connection.Loop.Start(connection);
        return exchange.Task;
    }

    internal void Sent(int connectionsOpened)
    {
        if (connectionsOpened > 0) Interlocked.Add(ref _opened, connectionsOpened);
    }

    /// <summary>On the loop thread: the answer is complete. The slot is freed first, so an inline next request finds it.</summary>
    internal void Complete(RawHttpExchange exchange, Outcome outcome, bool keep)
    {
        if (exchange.Connection.Current != exchange) return;
        exchange.Registration.Dispose();
        Release(exchange.Connection, keep);
        exchange.TrySetResult(outcome);
    }

    /// <summary>On the loop thread: the request failed; its connection is closed, never reused.</summary>
    internal void Fail(RawHttpExchange exchange, Exception error)
    {
        if (exchange.Connection.Current != exchange) return;
        exchange.Registration.Dispose();
        Release(exchange.Connection, keep: false);
        if (error is OperationCanceledException cancelled) exchange.TrySetCanceled(cancelled.CancellationToken);
        else exchange.TrySetException(error);
    }

    internal void Resend(RawHttpConnection connection)
    {
        connection.Resend(_request, IsHead);
        Interlocked.Increment(ref _opened);
    }

    private void Release(RawHttpConnection connection, bool keep)
    {
        connection.Current = null;
        if (keep && !_disposed) _idle.Enqueue(connection);
        else connection.Close();
        _slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        // A run's last answer completes inline on a loop thread, so the caller may be standing on one: a loop cannot
        // wait for its own thread to end, so step off it first.
        if (_loops.Any(l => l.IsLoopThread)) await Task.Yield();
        _disposed = true;
        foreach (var loop in _loops) loop.Dispose();
        while (_idle.TryDequeue(out var connection)) connection.Close();
    }
}
