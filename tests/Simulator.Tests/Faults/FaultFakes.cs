using System.Globalization;
using System.Net.Http.Headers;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Faults;

/// <summary>A started Nightscout fake with one site per patient, and a plain HttpClient aimed at it.</summary>
internal sealed class NightscoutHarness : IDisposable
{
    public NightscoutHarness(TimeProvider clock, params FaultSpec[] faults) : this(clock, ["child-1"], seed: 7, faults) { }

    public NightscoutHarness(TimeProvider clock, IReadOnlyList<string> patients, int seed, params FaultSpec[] faults)
    {
        Context = Rig.Context(clock, seed, faults);
        Fake = new NightscoutFake(Context, patients.Select(p => new NightscoutSite(p, Secret(p))));
        Fake.Start();
        Client = new HttpClient { BaseAddress = Fake.BaseUrl };
    }

    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public NightscoutFake Fake { get; }
    public HttpClient Client { get; }

    public static string Secret(string patient) => $"secret-{patient}-0001";

    public async Task<HttpResponseMessage> ReadAsync(string patient = "child-1", string query = "count=10", string? userAgent = null, bool withSecret = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/{patient}/api/v1/entries/sgv.json?{query}", UriKind.Relative));
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (withSecret) request.Headers.Add("api-secret", NightscoutSite.HashForHeader(Secret(patient)));
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> UploadAsync(string patient, DateTimeOffset date, int sgv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{patient}/api/v1/entries", UriKind.Relative))
        {
            Content = Http.JsonBody(string.Create(CultureInfo.InvariantCulture,
                $$"""{"type":"sgv","sgv":{{sgv}},"date":{{date.ToUnixTimeMilliseconds()}},"direction":"Flat"}""")),
        };
        request.Headers.Add("api-secret", NightscoutSite.HashForHeader(Secret(patient)));
        return await Client.SendAsync(request);
    }

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
    }
}

/// <summary>A started FCM fake and a sender's HttpClient, as a follower backend calls messages:send.</summary>
internal sealed class FcmHarness : IDisposable
{
    public const string Project = "sim-project";
    public const string AccessToken = "ya29.sim-access-token";

    public FcmHarness(TimeProvider clock, params FaultSpec[] faults) : this(Rig.Context(clock, faults)) { }

    public FcmHarness(FakeContext context)
    {
        Context = context;
        Fake = new FcmFake(Context, Project, AccessToken);
        Fake.Start();
        Client = new HttpClient { BaseAddress = Fake.BaseUrl };
    }

    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public FcmFake Fake { get; }
    public HttpClient Client { get; }

    /// <summary>An urgent-low alert for child-1, to a phone with Android settings (or iOS ones).</summary>
    public static string Alert(string patient = "child-1", bool ios = false)
    {
        var platform = ios ? """ "apns":{"headers":{"apns-priority":"10"}} """ : """ "android":{"priority":"high"} """;
        var head = $$"""{"message":{"token":"fcm-token-parent-1","notification":{"title":"Urgent low","body":"{{patient}}: 54 mg/dL"},"data":{"patient":"{{patient}}","mgdl":"54","alert":"urgent-low"},""";
        return head + platform.Trim() + "}}";
    }

    public async Task<HttpResponseMessage> SendAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/projects/{Project}/messages:send", UriKind.Relative))
        {
            Content = Http.JsonBody(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return await Client.SendAsync(request);
    }

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
    }
}
