using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Simulator.Journal;
using Simulator.Time;

namespace Simulator.Runs;

/// <summary>
/// The harness's own loopback endpoint. It publishes the clock protocol at <c>GET /clock</c>, so a system under
/// test can run on the run's virtual time exactly as an outside team's system would, and takes the local alarms a
/// receiver under test raises on the patient's phone at <c>POST /api/local-alarms</c>.
/// </summary>
public sealed class HarnessApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HarnessApi(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }
    public Uri ClockUrl => new(BaseUrl, "/clock");

    public Uri LocalAlarmsUrl => new(BaseUrl, "/api/local-alarms");

    public static async Task<HarnessApi> StartAsync(VirtualClock clock, CancellationToken ct) => await StartAsync(clock, null, ct);

    public static async Task<HarnessApi> StartAsync(VirtualClock clock, RunJournal? journal, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/clock", () => clock.IsRunning
            ? Results.Json(clock.Snapshot)
            : Results.Problem("The run's clock has not started yet.", statusCode: 503));
        if (journal is not null)
            app.MapPost("/api/local-alarms", (LocalAlarmBody? body) => LocalAlarm(clock, journal, body));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HarnessApi(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Stamped with the harness's clock when it arrives: that instant is when the phone alarmed.</summary>
    private static IResult LocalAlarm(VirtualClock clock, RunJournal journal, LocalAlarmBody? body)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Patient) || string.IsNullOrWhiteSpace(body.Alert))
            return Results.Problem("A local alarm needs {\"patient\": ..., \"alert\": ...} and may name the reading: \"readingAt\": an ISO 8601 instant.", statusCode: 400);
        journal.Append(new LocalAlarmRaised { At = clock.GetUtcNow(), Patient = body.Patient, Alert = body.Alert, ReadingAt = body.ReadingAt });
        return Results.Accepted();
    }

    private sealed record LocalAlarmBody(string? Patient, string? Alert, DateTimeOffset? ReadingAt);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
