using System.Text.Json.Nodes;

namespace ReferenceSystem.Tests.Support;

/// <summary>Builds POST /api/follow bodies (as the harness sends them) for tests to send or break.</summary>
internal static class FollowBodies
{
    public const string ShareApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";
    public const string PatientId = "child-1";

    public static string FollowerId(int index) => $"parent-{index + 1}";

    public static string FcmToken(int index) => $"tok-{index + 1}";

    public static JsonObject Create(
        string profile,
        string clockUrl,
        string shareBaseUrl,
        string fcmBaseUrl,
        string? nightscoutBaseUrl = null,
        int followers = 1,
        int noDataMinutes = 20)
    {
        var followerArray = new JsonArray();
        for (var i = 0; i < followers; i++)
            followerArray.Add(new JsonObject { ["id"] = FollowerId(i), ["fcmToken"] = FcmToken(i) });

        var patient = new JsonObject
        {
            ["id"] = PatientId,
            ["share"] = new JsonObject
            {
                ["baseUrl"] = shareBaseUrl,
                ["accountName"] = FakeShare.AccountName,
                ["password"] = FakeShare.Password,
                ["applicationId"] = ShareApplicationId,
            },
            ["nightscout"] = nightscoutBaseUrl is null
                ? null
                : new JsonObject { ["baseUrl"] = nightscoutBaseUrl, ["apiSecret"] = FakeNightscout.ApiSecret },
            ["followers"] = followerArray,
        };

        return new JsonObject
        {
            ["profile"] = profile,
            ["seed"] = 20191130,
            ["clock"] = new JsonObject { ["url"] = clockUrl },
            ["policy"] = new JsonObject { ["urgentLowMgdl"] = 55, ["lowMgdl"] = 70, ["highMgdl"] = 250, ["noDataMinutes"] = noDataMinutes },
            ["push"] = new JsonObject
            {
                ["fcm"] = new JsonObject { ["baseUrl"] = fcmBaseUrl, ["projectId"] = FakeFcm.ProjectId, ["accessToken"] = FakeFcm.AccessToken },
            },
            ["patients"] = new JsonArray(patient),
        };
    }
}
