using System.Text.Json;
using Simulator.Journal;

namespace Simulator.Scoring;

/// <summary>A notification a follower's phone received, read from a push fake's payload.</summary>
public sealed record Delivery(string Follower, string Patient, string AlertType, DateTimeOffset DeliveredAt, DateTimeOffset? ReadingAt, string Channel);

/// <summary>A notification the mapping could not read: reported, never dropped.</summary>
public sealed record UnreadableDelivery(DateTimeOffset DeliveredAt, string Channel, string Reason, string Payload);

/// <summary>
/// Where, in a push payload, the scorer finds who it was for and what it was about. The defaults are the
/// ReferenceSystem's documented FCM payload: <c>message.token</c> identifies the follower's phone, and
/// <c>message.data.{patient,alert,readingAt}</c> say what the alert was about.
/// </summary>
public sealed record DeliveryMapping
{
    public string TokenPath { get; init; } = "message.token";
    public string PatientPath { get; init; } = "message.data.patient";
    public string AlertPath { get; init; } = "message.data.alert";
    public string ReadingAtPath { get; init; } = "message.data.readingAt";

    public static DeliveryMapping Default { get; } = new();

    /// <summary>Reads every push; <paramref name="followerByToken"/> maps (device token) → (patient, follower).</summary>
    public (List<Delivery> Read, List<UnreadableDelivery> Unreadable) ReadAll(
        IEnumerable<PushReceived> pushes, IReadOnlyDictionary<string, (string Patient, string Follower)> followerByToken, ISet<string> alertTypes)
    {
        var read = new List<Delivery>();
        var unreadable = new List<UnreadableDelivery>();
        foreach (var push in pushes)
        {
            var (delivery, reason) = Read(push, followerByToken, alertTypes);
            if (delivery is not null) read.Add(delivery);
            else unreadable.Add(new UnreadableDelivery(push.At, push.Channel, reason!, push.Payload));
        }
        return (read, unreadable);
    }

    private (Delivery?, string?) Read(PushReceived push, IReadOnlyDictionary<string, (string Patient, string Follower)> followerByToken, ISet<string> alertTypes)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(push.Payload).RootElement; }
        catch (JsonException) { return (null, "payload is not JSON"); }
        var token = Find(root, TokenPath);
        if (token is null || !followerByToken.TryGetValue(token, out var owner))
            return (null, $"'{TokenPath}' does not name a device token of any follower in the scenario");
        var patient = Find(root, PatientPath) ?? owner.Patient;
        var alert = Find(root, AlertPath);
        if (alert is null || !alertTypes.Contains(alert))
            return (null, $"'{AlertPath}' is {(alert is null ? "missing" : $"'{alert}', not a known alert type")}");
        var readingAtText = Find(root, ReadingAtPath);
        DateTimeOffset? readingAt = DateTimeOffset.TryParse(readingAtText, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return (new Delivery(owner.Follower, patient, alert, push.At, readingAt, push.Channel), null);
    }

    private static string? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : current.ToString();
    }
}
