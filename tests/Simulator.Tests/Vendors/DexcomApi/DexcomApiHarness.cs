using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.DexcomApi;

namespace Simulator.Tests.Vendors.DexcomApi;

/// <summary>A started Dexcom API v3 fake and a follower backend's HttpClient (redirects not followed), on a manual clock.</summary>
internal sealed class DexcomApiHarness : IDisposable
{
    public static readonly DexcomApiClientApp App = new("sim-client-id", "sim-client-secret", "https://follower.example/dexcom/callback");
    public static readonly DexcomApiUser User = new("child-1", "parent-one@example.com", "sim-password-1", Guid.Parse("5b0e5c6f-2f3c-4f0e-9c55-6e1f1d8f0a11"));
    public static readonly DexcomApiUser Other = new("child-2", "parent-two@example.com", "sim-password-2", Guid.Parse("0f6c7a43-8a43-4f43-8b0a-1c9b5d9e2b22"));

    public DexcomApiHarness(ManualClock clock, Func<DexcomApiOptions, DexcomApiOptions>? configure = null, params FaultSpec[] faults)
    {
        Clock = clock;
        Context = Rig.Context(clock, faults);
        var options = new DexcomApiOptions { Client = App, DisplayOffset = TimeSpan.FromHours(-5) };
        Fake = new DexcomApiFake(Context, configure?.Invoke(options) ?? options, [User, Other], new Random(7));
        Fake.Start();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Fake.BaseUrl };
    }

    public ManualClock Clock { get; }
    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public DexcomApiFake Fake { get; }
    public HttpClient Client { get; }

    public static string LoginQuery(string? username = null, string? password = null, string state = "st-1", string responseType = "code",
        string clientId = "sim-client-id", string? redirectUri = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri ?? App.RedirectUri, ["response_type"] = responseType,
            ["scope"] = "offline_access", ["state"] = state, ["username"] = username, ["password"] = password,
        };
        return QueryHelpers.AddQueryString(DexcomApiFake.LoginPath, fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value));
    }

    public Task<HttpResponseMessage> LoginAsync(string? username, string? password, string state = "st-1") =>
        Client.GetAsync(new Uri(LoginQuery(username, password, state), UriKind.Relative));

    /// <summary>Logs the user in and returns the code from the redirect.</summary>
    public async Task<string> CodeAsync(DexcomApiUser? user = null)
    {
        user ??= User;
        using var response = await LoginAsync(user.Username, user.Password);
        Assert.Equal(302, (int)response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    public Task<HttpResponseMessage> TokenAsync(params (string Name, string Value)[] fields) =>
        Client.PostAsync(new Uri(DexcomApiFake.TokenPath, UriKind.Relative),
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public Task<HttpResponseMessage> ExchangeAsync(string code, string secret = "sim-client-secret", string? redirectUri = null) =>
        TokenAsync(("client_id", App.ClientId), ("client_secret", secret), ("code", code), ("grant_type", "authorization_code"),
            ("redirect_uri", redirectUri ?? App.RedirectUri));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(("client_id", App.ClientId), ("client_secret", App.ClientSecret), ("refresh_token", refreshToken),
            ("grant_type", "refresh_token"), ("redirect_uri", App.RedirectUri));

    /// <summary>The whole code flow: (access token, refresh token).</summary>
    public async Task<(string Access, string Refresh)> AuthorizeAsync(DexcomApiUser? user = null)
    {
        using var response = await ExchangeAsync(await CodeAsync(user));
        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.JsonAsync();
        return (body.Str("access_token"), body.Str("refresh_token"));
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> EgvsAsync(string? accessToken, string startDate, string endDate) =>
        GetAsync($"{DexcomApiFake.EgvsPath}?startDate={startDate}&endDate={endDate}", accessToken);

    /// <summary>egvs over the last day up to now, in the documented date form.</summary>
    public Task<HttpResponseMessage> EgvsLastDayAsync(string? accessToken) =>
        EgvsAsync(accessToken, Format(Clock.GetUtcNow().AddDays(-1)), Format(Clock.GetUtcNow()));

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
    }
}
