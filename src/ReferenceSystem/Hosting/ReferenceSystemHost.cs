using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReferenceSystem.Apis;

namespace ReferenceSystem.Hosting;

/// <summary>
/// Hosts the ReferenceSystem in-process on Kestrel at <c>http://127.0.0.1:{free port}</c>: the same app as
/// <c>dotnet run</c>, reached over real loopback HTTP like any outside system.
/// </summary>
public static class ReferenceSystemHost
{
    public static async Task<RunningReferenceSystem> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReferenceSystemHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddReferenceSystem();
        // In-process, the host's own appsettings must not make the SUT chatty: warnings and errors only.
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            options.Rules.Clear();
            options.MinLevel = LogLevel.Warning;
        });

        var app = builder.Build();
        app.MapHealthApi();
        app.MapFollowApi();
        app.MapReceiverApi();
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningReferenceSystem(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A started in-process ReferenceSystem; dispose to stop it (stops any follow job too).</summary>
public sealed class RunningReferenceSystem : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningReferenceSystem(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
