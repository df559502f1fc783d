using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary><c>patients:</c> each with a trace, followers, and the vendors their phone uploads to and is followed through.</summary>
internal static partial class PatientsParser
{
    public static readonly IReadOnlyList<string> Keys = ["id", "trace", "sensor", "ble", "followers", "uploads", "follow"];
    public static readonly IReadOnlyList<string> FollowerKeys = ["id", "channel"];

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static IReadOnlyList<PatientSpec>? Parse(MapReader root, ParseContext ctx, bool cohortGiven)
    {
        var d = ctx.Diagnostics;
        if (cohortGiven && !root.Has("patients"))
            return [];
        var node = root.Required("patients", "patients: [{ id: child-1, trace: ..., followers: [parent-1] }] (or a cohort: { adults: 10 })");
        if (node is null)
            return null;
        var list = Yaml.List(node, "patients", d, "- id: child-1");
        if (list is null)
            return null;
        if (list.Children.Count == 0)
        {
            d.Add(node, "patients", "no patients listed; add at least one, each with an id, a trace and followers");
            return null;
        }

        var patients = new List<PatientSpec>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var patient = ParsePatient(list.Children[i], $"patients[{i}]", ctx, ids);
            if (patient is null)
                ok = false;
            else
                patients.Add(patient);
        }
        return ok ? patients : null;
    }

    private static PatientSpec? ParsePatient(YamlNode node, string path, ParseContext ctx, Dictionary<string, string> ids)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, "{ id: child-1, trace: ..., followers: [parent-1] }");
        if (map is null)
            return null;
        var before = d.Count;
        var m = new MapReader(map, path, d);
        m.CheckKeys(Keys);

        var id = m.Text("id", true, "id: child-1");
        if (id is not null)
        {
            if (!IdPattern().IsMatch(id))
                m.Error("id", $"'{Yaml.Show(id)}' is not a valid patient id; use lowercase letters, digits and dashes, e.g. child-1");
            else if (ids.TryGetValue(id, out var other))
                m.Error("id", $"patient id '{id}' is already used by {other}; give each patient its own id");
            else
                ids[id] = path;
        }

        var traceNode = m.Required("trace", "trace: { source: scripted, points: { 0h: 140, 2h: 60 } }");
        var trace = traceNode is null ? null : TraceParser.Parse(traceNode, m.Field("trace"), ctx);
        var sensorNode = m.Optional("sensor");
        var sensor = sensorNode is null ? null : SensorParser.Parse(sensorNode, m.Field("sensor"), ctx);
        var bleNode = m.Optional("ble");
        var ble = bleNode is null ? null : BleParser.Parse(bleNode, m.Field("ble"), ctx);
        var followers = ParseFollowers(m, ctx);

        var (uploads, follow) = ParseSources(m, ctx, map, path);

        if (bleNode is not null && ble is null)
            return null;
        if (d.Count != before || id is null || trace is null || followers is null || uploads is null || follow is null)
            return null;
        return new PatientSpec { Id = id, Trace = trace, Sensor = sensor, Ble = ble, Followers = followers, UploadsTo = uploads, FollowVia = follow };
    }

    /// <summary>Every vendor in play a phone uploads to, in the order <c>vendors</c> lists them.</summary>
    public static List<string> DefaultUploads(ParseContext ctx) =>
        [.. (ctx.Vendors ?? []).Where(v => VendorIds.UploadVendors.Contains(v, StringComparer.Ordinal))];

    /// <summary>
    /// What a patient is followed through when the scenario does not say: what their phone uploads to, then the data
    /// vendors the run feeds directly (LibreLinkUp, Dexcom API), those the system under test can follow.
    /// </summary>
    public static List<string> DefaultFollow(ParseContext ctx, IReadOnlyList<string> uploads) =>
    [
        .. uploads,
        .. (ctx.Vendors ?? []).Where(v => VendorIds.DataVendors.Contains(v, StringComparer.Ordinal)
            && !VendorIds.UploadVendors.Contains(v, StringComparer.Ordinal)
            && (!ctx.BuiltinSut || BuiltinSut.FollowsThrough.Contains(v, StringComparer.Ordinal))),
    ];

    /// <summary><c>uploads:</c> the vendors a patient's phone uploads to.</summary>
    public static List<string>? ParseUploads(YamlNode node, string field, ParseContext ctx) =>
        ParseDataVendors(node, field, "uploads to", ctx, vendor => VendorIds.UploadVendors.Contains(vendor, StringComparer.Ordinal) ? null
            : $"no phone app uploads to '{vendor}' over an API the harness can play; the run feeds its cloud directly, so leave it out of uploads (it can still be followed)");

    /// <summary><c>follow:</c> the vendors a patient is followed through; the built-in system follows only some of them.</summary>
    public static List<string>? ParseFollow(YamlNode node, string field, ParseContext ctx) =>
        ParseDataVendors(node, field, "follows", ctx, vendor => !ctx.BuiltinSut || BuiltinSut.FollowsThrough.Contains(vendor, StringComparer.Ordinal) ? null
            : $"the built-in reference system follows only through {string.Join(" or ", BuiltinSut.FollowsThrough)}, not '{vendor}'; follow through one of those, or bind your own system with sut: {{ url: ... }}");

    /// <summary>Reads <c>uploads:</c> or <c>follow:</c> and, when neither is given, reports a patient left with nothing to follow.</summary>
    public static (List<string>? Uploads, List<string>? Follow) ParseSources(MapReader m, ParseContext ctx, YamlNode at, string path)
    {
        var uploadsNode = m.Optional("uploads");
        var uploads = uploadsNode is null ? DefaultUploads(ctx) : ParseUploads(uploadsNode, m.Field("uploads"), ctx);
        var followNode = m.Optional("follow");
        var follow = followNode is not null ? ParseFollow(followNode, m.Field("follow"), ctx)
            : uploads is null ? null : DefaultFollow(ctx, uploads);
        if (follow is { Count: 0 } && ctx.Vendors is not null)
        {
            ctx.Diagnostics.Add(at, path, ctx.BuiltinSut
                ? $"nothing to follow: the built-in reference system follows through {string.Join(" or ", BuiltinSut.FollowsThrough)}, and neither is in vendors; add one to vendors"
                : "nothing to follow: no data vendor in play; add one to vendors");
            follow = null;
        }
        return (uploads, follow);
    }

    private static List<string>? ParseDataVendors(YamlNode node, string field, string verb, ParseContext ctx, Func<string, string?> refuse)
    {
        var d = ctx.Diagnostics;
        var list = Yaml.List(node, field, d, "[dexcom-share, nightscout]");
        if (list is null)
            return null;
        if (list.Children.Count == 0)
        {
            d.Add(node, field, "the list is empty; name at least one data vendor, e.g. [dexcom-share], or leave the key out to use every data vendor in play");
            return null;
        }
        var before = d.Count;
        var vendors = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemField = $"{field}[{i}]";
            var vendor = Yaml.Text(item, itemField, d, "a vendor id");
            if (vendor is null)
                continue;
            if (!VendorIds.Endpoints.ContainsKey(vendor))
                d.Add(item, itemField, Suggest.Unknown("vendor", vendor, VendorIds.DataVendors, "data vendors"));
            else if (!VendorIds.DataVendors.Contains(vendor, StringComparer.Ordinal))
                d.Add(item, itemField, $"'{vendor}' delivers notifications and holds no glucose data; list only data vendors here ({string.Join(", ", VendorIds.DataVendors)})");
            else if (refuse(vendor) is { } refusal)
                d.Add(item, itemField, refusal);
            else if (!ctx.InPlay(vendor))
                d.Add(item, itemField, $"patient {verb} '{vendor}', which is not in vendors; add it to vendors or remove it here");
            else if (vendors.Contains(vendor, StringComparer.Ordinal))
                d.Add(item, itemField, $"'{vendor}' is listed twice; list each vendor once");
            else
                vendors.Add(vendor);
        }
        return d.Count == before ? vendors : null;
    }

    private static List<FollowerSpec>? ParseFollowers(MapReader m, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var field = m.Field("followers");
        var node = m.Required("followers", "followers: [parent-1]");
        if (node is null)
            return null;
        var list = Yaml.List(node, field, d, "[parent-1, school-nurse]");
        if (list is null)
            return null;
        if (list.Children.Count == 0)
        {
            d.Add(node, field, "no followers listed; add at least one, e.g. [parent-1]");
            return null;
        }

        var before = d.Count;
        var defaultChannel = ctx.Vendors?.FirstOrDefault(v => VendorIds.PushVendors.Contains(v, StringComparer.Ordinal)
            && (!ctx.BuiltinSut || BuiltinSut.NotifiesThrough.Contains(v, StringComparer.Ordinal)));
        var reportedNoChannel = false;
        var followers = new List<FollowerSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemField = $"{field}[{i}]";
            string? id;
            string? channel = null;
            YamlNode channelNode = item;
            if (item is YamlMappingNode followerMap)
            {
                var fm = new MapReader(followerMap, itemField, d);
                fm.CheckKeys(FollowerKeys);
                id = fm.Text("id", true, "id: parent-1");
                channel = fm.Text("channel", false, "");
                channelNode = fm.Optional("channel") ?? item;
                if (channel is not null)
                    CheckChannel(channel, channelNode, fm.Field("channel"), ctx);
            }
            else
            {
                id = Yaml.Text(item, itemField, d, "a follower id or { id: parent-1, channel: fcm }");
            }
            if (id is null)
                continue;
            if (string.IsNullOrWhiteSpace(id))
            {
                d.Add(item, itemField, "the follower id is blank; write e.g. parent-1");
                continue;
            }
            if (followers.Any(f => string.Equals(f.Id, id, StringComparison.Ordinal)))
            {
                d.Add(item, itemField, $"follower '{Yaml.Show(id)}' is listed twice; list each follower once");
                continue;
            }
            if (channel is null && ctx.Vendors is not null && defaultChannel is null && !reportedNoChannel)
            {
                reportedNoChannel = true;
                d.Add(node, field, ctx.BuiltinSut
                    ? $"followers are notified through a push vendor, but none the built-in reference system sends through is in vendors; add {string.Join(" or ", BuiltinSut.NotifiesThrough)} to vendors"
                    : $"followers are notified through a push vendor, but none is in vendors; add one of {string.Join(", ", VendorIds.PushVendors)} to vendors");
            }
            followers.Add(new FollowerSpec { Id = id, Channel = channel ?? defaultChannel ?? VendorIds.Fcm });
        }
        return d.Count == before ? followers : null;
    }

    private static void CheckChannel(string channel, YamlNode node, string field, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        if (!VendorIds.Endpoints.ContainsKey(channel))
            d.Add(node, field, Suggest.Unknown("channel", channel, VendorIds.PushVendors, "push vendors"));
        else if (!VendorIds.PushVendors.Contains(channel, StringComparer.Ordinal))
            d.Add(node, field, $"'{channel}' is a data vendor, not a push channel; followers are reached through a push vendor ({string.Join(", ", VendorIds.PushVendors)})");
        else if (ctx.BuiltinSut && !BuiltinSut.NotifiesThrough.Contains(channel, StringComparer.Ordinal))
            d.Add(node, field, $"the built-in reference system notifies followers only through {string.Join(" or ", BuiltinSut.NotifiesThrough)}, not '{channel}'; use that channel, or bind your own system with sut: {{ url: ... }}");
        else if (!ctx.InPlay(channel))
            d.Add(node, field, $"follower channel '{channel}' is not in vendors; add it to vendors");
    }
}
