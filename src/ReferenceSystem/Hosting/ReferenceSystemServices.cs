using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceSystem.Clock;
using ReferenceSystem.Follow;
using ReferenceSystem.Receiver;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Hosting;

public static class ReferenceSystemServices
{
    /// <summary>Registers the follower service: clock factory, vendor HTTP clients (10 s timeout), the follow coordinator.</summary>
    public static IHostApplicationBuilder AddReferenceSystem(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Quiet by default: the harness prints its own output. There is no appsettings.json (so nothing clashes with a
        // host that references this project); raise it with e.g. --Logging:LogLevel:Default=Information.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        foreach (var name in new[] { ClockFactory.HttpClientName, VendorHttp.Share, VendorHttp.Nightscout, VendorHttp.Fcm })
            services.AddHttpClient(name, client => client.Timeout = VendorHttp.Timeout);
        services.AddSingleton<ClockFactory>();
        services.AddSingleton<FollowCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowCoordinator>());
        services.AddReceiver();
        return builder;
    }
}
