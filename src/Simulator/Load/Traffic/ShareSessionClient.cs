using System.Collections.Concurrent;
using Simulator.Glucose;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Load.Traffic;

/// <summary>An answer from Share: the HTTP status of the last call made and its body.</summary>
public readonly record struct ShareAnswer(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// Talks to one Share service as many phones at once, keeping one session per phone: a publisher's phone logs in by
/// name (as xDrip+'s uploader does), a follower's app with the two-step flow (as pydexcom does), each only when it has
/// no session yet or Share answered that the session is gone. Calls of one phone that overlap (a slow service) wait
/// for the same login instead of each logging in. A failed login ends the call with the login's answer.
/// </summary>
public sealed class ShareSessionClient(HttpClient http, Uri servicesUrl)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Login>>> _sessions = new(StringComparer.Ordinal);
    private long _logins;

    public Uri ServicesUrl { get; } = servicesUrl;

    /// <summary>Logins made so far (a two-step follower login counts once).</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Uploads <paramref name="readings"/> as the patient's phone (<c>PostReceiverEgvRecords</c>).</summary>
    public async Task<ShareAnswer> UploadAsync(ShareAccount account, IReadOnlyList<Reading> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var login = await PublisherSessionAsync(account, ct);
        return login.Session is { } session
            ? Forget(PublisherKey(account), await SendAsync(ShareRequests.PublisherUpload(ServicesUrl, session, ShareRequests.SerialNumber(account), readings), ct))
            : login.Answer;
    }

    /// <summary>Reads the patient's latest glucose value as follower <paramref name="follower"/>'s app.</summary>
    public async Task<ShareAnswer> ReadLatestAsync(string follower, ShareAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var login = await FollowerSessionAsync(follower, account, ct);
        return login.Session is { } session ? Forget(FollowerKey(follower), await SendAsync(ShareRequests.ReadLatest(ServicesUrl, session), ct)) : login.Answer;
    }

    /// <summary>Logs the patient's phone in now, unless it has a session: the login's answer (or 200 for a kept session).</summary>
    public async Task<ShareAnswer> LogInPublisherAsync(ShareAccount account, CancellationToken ct) =>
        (await PublisherSessionAsync(account, ct)).Answer;

    /// <summary>Logs the follower's app in now, unless it has a session.</summary>
    public async Task<ShareAnswer> LogInFollowerAsync(string follower, ShareAccount account, CancellationToken ct) =>
        (await FollowerSessionAsync(follower, account, ct)).Answer;

    private static string PublisherKey(ShareAccount account) => "publisher:" + account.AccountName;
    private static string FollowerKey(string follower) => "follower:" + follower;

    private Task<Login> PublisherSessionAsync(ShareAccount account, CancellationToken ct) => SessionAsync(PublisherKey(account), async () =>
    {
        var answer = await SendAsync(ShareRequests.LoginByName(ServicesUrl, account.AccountName, account.Password), ct);
        return new Login(answer, answer.IsSuccess ? ShareRequests.ParseId(answer.Body) : null);
    });

    private Task<Login> FollowerSessionAsync(string follower, ShareAccount account, CancellationToken ct) => SessionAsync(FollowerKey(follower), async () =>
    {
        var authenticated = await SendAsync(ShareRequests.AuthenticatePublisher(ServicesUrl, account.AccountName, account.Password), ct);
        if (!authenticated.IsSuccess || !Guid.TryParse(ShareRequests.ParseId(authenticated.Body), out var accountId))
            return new Login(authenticated, null);
        var answer = await SendAsync(ShareRequests.LoginById(ServicesUrl, accountId, account.Password), ct);
        return new Login(answer, answer.IsSuccess ? ShareRequests.ParseId(answer.Body) : null);
    });

    /// <summary>The phone's session, logging in when it has none; a login that failed or threw is not kept.</summary>
    private async Task<Login> SessionAsync(string key, Func<Task<Login>> login)
    {
        var pending = _sessions.GetOrAdd(key, _ => new Lazy<Task<Login>>(() =>
        {
            Interlocked.Increment(ref _logins);
            return login();
        }));
        try
        {
            var result = await pending.Value;
            if (result.Session is null) _sessions.TryRemove(KeyValuePair.Create(key, pending));
            return result;
        }
        catch
        {
            _sessions.TryRemove(KeyValuePair.Create(key, pending));
            throw;
        }
    }

    private ShareAnswer Forget(string key, ShareAnswer answer)
    {
        // Share lost the session (expired, or the service restarted): the next call logs in again, as real clients do.
        if (ShareRequests.IsSessionLost(answer.Status, answer.Body)) _sessions.TryRemove(key, out _);
        return answer;
    }

    private async Task<ShareAnswer> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, ct);
            return new ShareAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
    }

    private sealed record Login(ShareAnswer Answer, string? Session);
}
