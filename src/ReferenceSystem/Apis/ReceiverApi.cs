using System.Text.Json;
using ReferenceSystem.Clock;
using ReferenceSystem.Receiver;

namespace ReferenceSystem.Apis;

/// <summary>
/// The receiver role (the phone app next to a G6 transmitter): <c>POST /api/receiver</c> (start, replacing any
/// current receiver), <c>DELETE /api/receiver</c> (stop), <c>GET /api/receiver/state</c>.
/// </summary>
public static class ReceiverApi
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapReceiverApi(this IEndpointRouteBuilder app)
    {
        var receiver = app.MapGroup("/api/receiver");
        receiver.MapPost("", StartAsync);
        receiver.MapDelete("", StopAsync);
        receiver.MapGet("/state", State);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ReceiverCoordinator coordinator, CancellationToken ct)
    {
        ReceiverRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ReceiverRequest>(request.Body, RequestJson, ct);
        }
        catch (JsonException ex)
        {
            return Error(ex.Path is null or "$"
                ? "body is required and must be a JSON object"
                : $"{ex.Path.TrimStart('$', '.')} has a value of the wrong type");
        }

        if (!ReceiverRequestValidator.TryValidate(body, out var settings, out var error))
            return Error(error!);

        try
        {
            var job = await coordinator.StartAsync(settings!, ct);
            return Results.Json(new { status = "receiving", transmitters = job.TransmitterCount }, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ClockUnavailableException ex)
        {
            return Error($"clock.url {ex.Message}");
        }
    }

    private static async Task<IResult> StopAsync(ReceiverCoordinator coordinator)
    {
        var wasRunning = await coordinator.StopAsync();
        return Results.Json(new { status = wasRunning ? "stopped" : "idle" });
    }

    private static IResult State(ReceiverCoordinator coordinator) =>
        coordinator.State() is { } state
            ? Results.Json(state)
            : Results.Json(new { status = "idle", transmitters = Array.Empty<object>() });

    private static IResult Error(string message) =>
        Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
