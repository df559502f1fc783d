using System.Text.Json;
using LoadDriver.Reports;

namespace Simulator.Load.Population;

/// <summary>
/// <c>population.json</c>: every account, secret and token of a load (Share account name, password and id, Nightscout
/// API secret, followers' device tokens, the FCM project and access token). A team's own service must accept these
/// for the load to be served; they depend only on <c>--patients</c>, <c>--followers</c> and <c>--seed</c>.
/// </summary>
public static class PopulationCredentialsFile
{
    public const string Name = "population.json";

    public static async Task<string> WriteAsync(string directory, PopulationLoad load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Name);
        await PopulationReportFiles.WriteJsonAsync(path, Content(load), ct);
        return path;
    }

    private static object Content(PopulationLoad load) => new
    {
        seed = load.Options.Seed,
        fcm = new { projectId = load.FcmProject, accessToken = load.FcmAccessToken },
        patients = load.Patients.Select(p => new
        {
            id = p.Id,
            share = new { accountName = p.Share.AccountName, password = p.Share.Password, accountId = p.Share.AccountId },
            nightscout = new { apiSecret = p.Nightscout.ApiSecret },
            followers = p.Followers.Select(f => new { id = load.Followers[f].Id, deviceToken = load.Followers[f].DeviceToken }),
        }),
    };
}
