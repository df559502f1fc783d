using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Nightscout;

namespace Simulator.Load.Population;

/// <summary>A patient of the load: the cohort member's id, Share account, Nightscout site, and the followers taken into the load.</summary>
public sealed record LoadPatient(int Index, string Id, ShareAccount Share, NightscoutSite Nightscout)
{
    public IReadOnlyList<int> Followers { get; init; } = [];
}

/// <summary>A follower of the load: the cohort's id and phone token, and the index of the patient followed.</summary>
public sealed record LoadFollower(int Index, string Id, int Patient, string DeviceToken);
