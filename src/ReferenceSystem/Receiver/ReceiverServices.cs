using ReferenceSystem.Vendors;

namespace ReferenceSystem.Receiver;

public static class ReceiverServices
{
    /// <summary>Named HttpClient for the harness's local-alarm endpoint (10 s real timeout, like the vendors').</summary>
    public const string LocalAlarmsHttpClient = "receiver-local-alarms";

    /// <summary>Registers the receiver role: its coordinator (a hosted service, so host shutdown stops it) and HTTP client.</summary>
    public static IServiceCollection AddReceiver(this IServiceCollection services)
    {
        services.AddHttpClient(LocalAlarmsHttpClient, client => client.Timeout = VendorHttp.Timeout);
        services.AddSingleton<ReceiverCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceiverCoordinator>());
        return services;
    }
}
