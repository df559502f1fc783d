using System.Text.Json;
using ReferenceSystem.Clock;
using ReferenceSystem.Follow;

namespace ReferenceSystem.Apis;

/// <summary>
/// <c>POST /api/follow</c> (start, replacing any current job), <c>DELETE /api/follow</c> (stop),
/// <c>GET /api/follow/state</c> (what the follower knows, for humans), <c>GET /api/follow/ingest</c> (every reading
/// each follower was given and what it did with it, for a harness checking for lost and duplicated readings; read-only).
/// </summary>
public static class FollowApi
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapFollowApi(this IEndpointRouteBuilder app)
    {
        var follow = app.MapGroup("/api/follow");
        follow.MapPost("", StartAsync);
        follow.MapDelete("", StopAsync);
        follow.MapGet("/state", State);
        follow.MapGet("/ingest", Ingest);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, FollowCoordinator coordinator, CancellationToken ct)
    {
        FollowRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<FollowRequest>(request.Body, RequestJson, ct);
        }
        catch (JsonException ex)
        {
            return Error(ex.Path is null or "$"
                ? "body is required and must be a JSON object"
                : $"{ex.Path.TrimStart('$', '.')} has a value of the wrong type");
        }

        if (!FollowRequestValidator.TryValidate(body, out var settings, out var error))
            return Error(error!);

        try
        {
            var job = await coordinator.StartAsync(settings!, ct);
            return Results.Json(new { status = "following", patients = job.PatientCount }, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ClockUnavailableException ex)
        {
            return Error($"clock.url {ex.Message}");
        }
    }

    private static async Task<IResult> StopAsync(FollowCoordinator coordinator)
    {
        var pushesSent = await coordinator.StopAsync();
        return Results.Json(new { status = "stopped", pushesSent });
    }

    private static IResult State(FollowCoordinator coordinator) =>
        coordinator.State() is { } state
            ? Results.Json(state)
            : Results.Json(new { status = "idle", patients = Array.Empty<object>() });

    private static IResult Ingest(FollowCoordinator coordinator) =>
        Results.Json(coordinator.Ingest() ?? new IngestReport("idle", null, []));

    private static IResult Error(string message) =>
        Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
