using System.Net;
using System.Net.Sockets;

namespace LoadDriver.Targets.Raw;

/// <summary>
/// One HTTP/1.1 keep-alive connection of a <see cref="RawHttpClient"/>, owned by one <see cref="RawHttpLoop"/>. The
/// socket stays in blocking mode and is only read when the loop's poll says bytes are there, so no read ever waits.
/// </summary>
internal sealed class RawHttpConnection
{
    private readonly EndPoint _endPoint;

    public RawHttpConnection(EndPoint endPoint, RawHttpLoop loop)
    {
        _endPoint = endPoint;
        Loop = loop;
    }

    public RawHttpLoop Loop { get; }
    public Socket? Socket { get; private set; }
    public RawHttpResponseParser Parser { get; } = new();

    /// <summary>The request being answered on this connection, if any.</summary>
    public RawHttpExchange? Current { get; set; }

    /// <summary>Whether the current request went out on a connection that had already served one (so may be stale).</summary>
    public bool Reused { get; private set; }

    /// <summary>Sends the request, connecting first if need be; a dead kept-alive connection is replaced once.</summary>
    /// <returns>How many connections were opened (0 or 1).</returns>
    public int Send(byte[] request, bool isHead)
    {
        var opened = 0;
        Reused = Socket is not null;
        if (Socket is null) { Connect(); opened++; }
        Parser.Reset(isHead);
        var error = SendAll(request);
        if (error is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted && Reused)
        {
            Close();
            Connect();
            opened++;
            Reused = false;
            error = SendAll(request);
        }
        if (error != SocketError.Success) throw new SocketException((int)error);
        return opened;
    }

    /// <summary>Resends on a fresh connection after the server closed a kept-alive one before answering.</summary>
    public void Resend(byte[] request, bool isHead)
    {
        Close();
        Send(request, isHead);
    }

    private void Connect()
    {
        // A dual-mode socket reaches 127.0.0.1 and [::1] alike, whichever "localhost" resolves to.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(_endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        Socket = socket;
    }

    private SocketError SendAll(byte[] request)
    {
        for (var sent = 0; sent < request.Length;)
        {
            var n = Socket!.Send(request, sent, request.Length - sent, SocketFlags.None, out var error);
            if (error != SocketError.Success) return error;
            sent += n;
        }
        return SocketError.Success;
    }

    public void Close()
    {
        Socket?.Dispose();
        Socket = null;
    }
}
