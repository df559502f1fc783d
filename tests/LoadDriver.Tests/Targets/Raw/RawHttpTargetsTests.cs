using System.Net;
using System.Net.Sockets;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Targets.Raw;
using LoadDriver.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LoadDriver.Tests.Targets.Raw;

public class RawHttpTargetsTests
{
    private static readonly LoadRunner Runner = new(TimeProvider.System);

    /// <summary>Kestrel answering by path: fixed-length, chunked (large, many chunks), status codes, echo, close.</summary>
    private static Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(async (ctx, _) =>
    {
        switch (ctx.Request.Path.Value)
        {
            case "/fixed":
                ctx.Response.ContentLength = 2;
                await ctx.Response.WriteAsync("ok");
                break;
            case "/chunked":
                // Written in pieces with flushes, so the client sees many chunks and more bytes than its 16 KB buffer.
                for (var i = 0; i < 40; i++)
                {
                    await ctx.Response.WriteAsync(new string((char)('a' + i % 26), 1000));
                    await ctx.Response.Body.FlushAsync();
                }
                break;
            case "/fail":
                ctx.Response.StatusCode = 503;
                await ctx.Response.WriteAsync("down");
                break;
            case "/echo":
                // 201 only when the method, the header and the body all arrived as sent.
                using (var reader = new StreamReader(ctx.Request.Body))
                {
                    var body = await reader.ReadToEndAsync();
                    ctx.Response.StatusCode = ctx.Request.Method == "POST" && ctx.Request.Headers["X-Patient"] == "p-7" && body == "{\"sgv\":104}" ? 201 : 400;
                }
                break;
            case "/close":
                ctx.Response.Headers.Connection = "close";
                await ctx.Response.WriteAsync("bye");
                break;
            case "/hang":
                // The server never answers in time: the behaviour under test, not a wait for a condition.
                await Task.Delay(TimeSpan.FromSeconds(15), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/empty":
                ctx.Response.StatusCode = 204;
                break;
        }
    });

    [Theory]
    [InlineData("fixed", 200)]
    [InlineData("chunked", 200)]
    [InlineData("fail", 503)]
    [InlineData("empty", 204)]
    public async Task Answers_are_read_to_their_end_whatever_their_framing_and_the_connection_is_kept(string path, int status)
    {
        await using var server = await StartAsync();
        await using var client = RawHttpTargets.Get(server.Url(path), connections: 1);

        for (var i = 0; i < 5; i++)
            Assert.Equal(Outcome.FromStatus(status), await client.SendAsync(CancellationToken.None));

        // Five answers, one connection: each was read exactly to its end, or the next would have been out of step.
        Assert.Equal(1, client.ConnectionsOpened);
        Assert.Equal(5, server.Received);
    }

    [Fact]
    public async Task Localhost_is_resolved_to_whichever_loopback_address_answers()
    {
        await using var server = await StartAsync(); // bound to 127.0.0.1 only; localhost may resolve to ::1 first
        await using var client = RawHttpTargets.Get(new Uri($"http://localhost:{server.BaseUrl.Port}/fixed"), connections: 1);

        Assert.Equal(200, (await client.SendAsync(CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task A_post_carries_its_method_headers_and_body()
    {
        await using var server = await StartAsync();
        var request = new RequestSpec(server.Url("echo"), "POST", [new("X-Patient", "p-7"), new("Content-Type", "application/json")], "{\"sgv\":104}"u8.ToArray());
        await using var client = RawHttpTargets.Create(request, connections: 1);

        Assert.Equal(201, (await client.SendAsync(CancellationToken.None)).StatusCode);
        Assert.Equal(201, (await client.SendAsync(CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task A_server_that_closes_after_each_answer_gets_a_new_connection_each_time()
    {
        await using var server = await StartAsync();
        await using var client = RawHttpTargets.Get(server.Url("close"), connections: 1);

        for (var i = 0; i < 3; i++)
            Assert.Equal(200, (await client.SendAsync(CancellationToken.None)).StatusCode);

        Assert.Equal(3, client.ConnectionsOpened);
    }

    [Fact]
    public async Task A_closed_run_through_the_runner_keeps_one_connection_per_worker()
    {
        await using var server = await StartAsync();
        await using var client = RawHttpTargets.Get(server.Url("fixed"), connections: 4);

        var result = await Runner.RunAsync(new ClosedModel(4, TimeSpan.FromSeconds(10), maxRequests: 2000), server.Url("fixed"), client.SendAsync, CancellationToken.None);

        Assert.Equal(2000, result.Requests);
        Assert.Equal(0, result.Errors);
        Assert.Equal(2000, server.Received);
        Assert.InRange(client.ConnectionsOpened, 1, 4);
    }

    [Fact]
    public async Task A_refused_connection_counts_as_a_connection_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = new Uri($"http://127.0.0.1:{port}/");
        await using var client = RawHttpTargets.Get(url, connections: 2);

        var result = await Runner.RunAsync(new ConstantRate(100, TimeSpan.FromSeconds(1), maxRequests: 10), url, client.SendAsync, CancellationToken.None);

        Assert.Equal(10, result.ErrorsByKind[ErrorKind.Connection]);
    }

    [Fact]
    public async Task An_answer_later_than_the_runner_timeout_is_a_timeout_and_its_connection_is_dropped()
    {
        await using var server = await StartAsync();
        await using var client = RawHttpTargets.Get(server.Url("hang"), connections: 2);
        var runner = new LoadRunner(TimeProvider.System, requestTimeout: TimeSpan.FromMilliseconds(300));

        var result = await runner.RunAsync(new ConstantRate(100, TimeSpan.FromSeconds(1), maxRequests: 2), server.Url("hang"), client.SendAsync, CancellationToken.None);

        Assert.Equal(2, result.ErrorsByKind[ErrorKind.Timeout]);
        Assert.Equal(2, client.ConnectionsOpened);
    }

    [Theory]
    [InlineData("http://10.1.2.3/")]
    [InlineData("https://127.0.0.1/")]
    public void Remote_and_tls_targets_are_refused(string url)
    {
        Assert.Throws<ArgumentException>(() => RawHttpTargets.Get(new Uri(url), 1));
    }
}
