using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LoadDriver.Targets.Raw;

/// <summary>
/// An event loop in the manner of wrk: one thread polls its connections that await an answer (one poll call for all
/// of them), reads whatever arrived without blocking, and completes finished requests. Compared with one async
/// receive per request this saves a thread-pool hop and the async machinery per request, which on 2 cores shared with
/// the server is what decides whether the figure measures the server or the client.
/// </summary>
internal sealed class RawHttpLoop : IDisposable
{
    private readonly RawHttpClient _client;
    private readonly Thread _thread;
    private readonly Socket _wakeReceiver;
    private readonly Socket _wakeSender;
    private readonly ConcurrentQueue<RawHttpConnection> _incoming = new();
    private readonly ConcurrentQueue<RawHttpExchange> _cancelled = new();
    private readonly Dictionary<Socket, RawHttpConnection> _waiting = [];
    private readonly List<Socket> _readable = [];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly byte[] _wakeByte = [1];
    private int _wakePending;
    private int _asleep;
    private volatile bool _stopping;
    private volatile Exception? _failure;

    public RawHttpLoop(RawHttpClient client, int number)
    {
        _client = client;
        // A loopback datagram pair: a byte sent wakes the poll when a request was started from another thread.
        _wakeReceiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _wakeReceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _wakeSender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _wakeSender.Connect(_wakeReceiver.LocalEndPoint!);
        _thread = new Thread(Run) { IsBackground = true, Name = $"raw-http-loop-{number}" };
        _thread.Start();
    }

    public bool IsLoopThread => Thread.CurrentThread == _thread;

    /// <summary>
    /// Sends a connection's request and watches for its answer. On the loop thread (a closed worker's next request)
    /// it is sent at once; from another thread (an open model's scheduler) it is queued and the loop sends it, so
    /// the scheduler only enqueues and a busy loop sends a whole batch between two polls.
    /// </summary>
    public void Start(RawHttpConnection connection)
    {
        if (_failure is { } failure)
        {
            _client.Fail(connection.Current!, failure);
            return;
        }
        if (IsLoopThread)
        {
            SendAndWatch(connection);
            return;
        }
        _incoming.Enqueue(connection);
        WakeIfAsleep();
    }

    private void SendAndWatch(RawHttpConnection connection)
    {
        var exchange = connection.Current;
        if (exchange is null || exchange.Task.IsCompleted) return; // cancelled before it was sent
        try
        {
            _client.Sent(connection.Send(_client.Request, _client.IsHead));
            _waiting[connection.Socket!] = connection;
        }
        catch (SocketException e)
        {
            _client.Fail(exchange, e);
        }
    }

    public void Cancel(RawHttpExchange exchange)
    {
        _cancelled.Enqueue(exchange);
        WakeIfAsleep();
    }

    /// <summary>
    /// A wake-up costs a system call, so it is sent only while the loop sleeps in its poll, and once per sleep. The
    /// loop says it is asleep before it checks the queues a last time, so an item enqueued in between is never missed.
    /// </summary>
    private void WakeIfAsleep()
    {
        if (Volatile.Read(ref _asleep) == 1 && Interlocked.Exchange(ref _wakePending, 1) == 0) _wakeSender.Send(_wakeByte);
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception e)
        {
            // Nothing may escape a thread of its own (it would end the process): every waiting request fails instead,
            // and later ones fail at once.
            _failure = e;
        }
        FailAll(_failure ?? new ObjectDisposedException(nameof(RawHttpClient)));
    }

    private void Loop()
    {
        while (!_stopping)
        {
            while (_incoming.TryDequeue(out var connection)) SendAndWatch(connection);
            while (_cancelled.TryDequeue(out var exchange)) Abandon(exchange);
            Interlocked.Exchange(ref _asleep, 1);
            if (!_incoming.IsEmpty || !_cancelled.IsEmpty)
            {
                Volatile.Write(ref _asleep, 0);
                continue;
            }
            _readable.Clear();
            _readable.Add(_wakeReceiver);
            _readable.AddRange(_waiting.Keys);
            try
            {
                // The timeout is only a safety net; wake-ups and answers end the wait.
                Socket.Select(_readable, null, null, 100_000);
            }
            catch (ObjectDisposedException) when (_stopping)
            {
                break;
            }
            Volatile.Write(ref _asleep, 0);
            foreach (var socket in _readable)
            {
                if (_stopping) break;
                if (socket == _wakeReceiver)
                {
                    while (_wakeReceiver.Available > 0) _wakeReceiver.Receive(_buffer);
                    Volatile.Write(ref _wakePending, 0);
                }
                else if (_waiting.TryGetValue(socket, out var connection))
                {
                    Read(connection);
                }
            }
        }
    }

    private void Read(RawHttpConnection connection)
    {
        var socket = connection.Socket!;
        var exchange = connection.Current!;
        try
        {
            var n = socket.Receive(_buffer, 0, _buffer.Length, SocketFlags.None, out var error);
            if (error != SocketError.Success)
            {
                if (error == SocketError.ConnectionReset && connection.Reused && !connection.Parser.AnyBytes)
                {
                    Retry(connection);
                    return;
                }
                throw new SocketException((int)error);
            }
            if (n == 0)
            {
                if (connection.Reused && !connection.Parser.AnyBytes)
                {
                    // The server let an idle connection go (its keep-alive timeout) before answering: send again once.
                    Retry(connection);
                    return;
                }
                connection.Parser.EndOfStream();
            }
            else
            {
                var used = connection.Parser.Feed(_buffer.AsSpan(0, n));
                if (!connection.Parser.IsDone) return;
                // Bytes past the answer mean the stream is out of step (nothing was pipelined): do not reuse it.
                if (used != n) connection.Close();
            }
            _waiting.Remove(socket);
            _client.Complete(exchange, Outcome.FromStatus(connection.Parser.Status), keep: connection.Parser.KeepAlive && connection.Socket is not null);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or ObjectDisposedException)
        {
            _waiting.Remove(socket);
            _client.Fail(exchange, e);
        }
    }

    private void Retry(RawHttpConnection connection)
    {
        _waiting.Remove(connection.Socket!);
        _client.Resend(connection);
        _waiting[connection.Socket!] = connection;
    }

    private void Abandon(RawHttpExchange exchange)
    {
        var connection = exchange.Connection;
        if (connection.Current != exchange) return; // answered first
        if (connection.Socket is { } socket) _waiting.Remove(socket);
        _client.Fail(exchange, new OperationCanceledException(exchange.Token));
    }

    private void FailAll(Exception e)
    {
        foreach (var connection in _waiting.Values.ToList()) _client.Fail(connection.Current!, e);
        _waiting.Clear();
        while (_incoming.TryDequeue(out var connection))
        {
            if (connection.Current is { } exchange) _client.Fail(exchange, e);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wakeSender.Send(_wakeByte);
        if (!IsLoopThread) _thread.Join(TimeSpan.FromSeconds(5));
        _wakeReceiver.Dispose();
        _wakeSender.Dispose();
    }
}
