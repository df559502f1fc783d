namespace ReferenceSystem.Apis;

/// <summary><c>GET /health</c>: the harness checks this before it starts a run.</summary>
public static class HealthApi
{
    public const int ClockProtocol = 1;

    private static readonly string[] Profiles = ["naive", "resilient"];

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Json(new
        {
            status = "ok",
            service = "reference-system",
            clockProtocol = ClockProtocol,
            profiles = Profiles,
        }));
        return app;
    }
}
