using System.Security.Cryptography;
using System.Text;

namespace Simulator.Vendors.LibreLinkUp;

/// <summary>The unit a LibreLinkUp user reads values in (<c>uom</c>/<c>GlucoseUnits</c>: 1 = mg/dL, 0 = mmol/L).</summary>
public enum LibreLinkUpUnits
{
    MmolPerL = 0,
    MgPerDl = 1,
}

/// <summary>
/// A LibreLinkUp follower login and the one patient it follows: <see cref="Email"/>/<see cref="Password"/> are the
/// follower's credentials, <see cref="Patient"/> the harness's patient id, <see cref="PatientId"/> the patient's id on
/// the wire (the connection's <c>patientId</c>), <see cref="FirstName"/>/<see cref="LastName"/> the patient's name as the
/// connection shows it.
/// </summary>
public sealed record LibreLinkUpAccount(string Patient, string Email, string Password, Guid PatientId, string FirstName, string LastName)
{
    private readonly Guid _userId;

    /// <summary>The follower's own <c>user.id</c> (and the JWT's <c>id</c> claim); unset, derived from <see cref="PatientId"/>.</summary>
    public Guid UserId
    {
        get => _userId == Guid.Empty ? Derive("user", PatientId) : _userId;
        init => _userId = value;
    }

    /// <summary>The region key whose host holds the account (<c>eu</c>, <c>eu2</c>, <c>us</c>, …); elsewhere a login is redirected here.</summary>
    public string Region { get; init; } = "eu";

    public string Country { get; init; } = "DE";

    /// <summary>Documents still to accept at the next login, in order (<c>tou</c>, <c>pp</c>, <c>verifyEmail</c>); empty = none.</summary>
    public IReadOnlyList<string> PendingSteps { get; init; } = [];

    public LibreLinkUpUnits Units { get; init; } = LibreLinkUpUnits.MgPerDl;

    /// <summary>The follower's own name, as <c>user.firstName</c>/<c>user.lastName</c> give it.</summary>
    public string UserFirstName { get; init; } = "Follower";
    public string UserLastName { get; init; } = "";

    /// <summary>Target range of the connection (mg/dL), also its <c>MeasurementColor</c> bands.</summary>
    public int TargetLow { get; init; } = 70;
    public int TargetHigh { get; init; } = 180;

    /// <summary>The Libre sensor's serial number as <c>sensor.sn</c> shows it.</summary>
    public string SensorSerial { get; init; } = "";

    /// <summary>The account-id header LibreLinkUp wants after login: lowercase hex SHA-256 of <c>user.id</c> (§3.2).</summary>
    public string AccountIdHeader => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UserId.ToString())));

    /// <summary>A stable id for the follower-to-patient connection (<c>connection.id</c>).</summary>
    internal Guid ConnectionId => Derive("connection", PatientId);

    internal string Serial => SensorSerial.Length > 0 ? SensorSerial : "0M" + Convert.ToHexString(PatientId.ToByteArray())[..8];

    private static Guid Derive(string what, Guid from)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{what}/{from}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // a version-4-looking UUID, like the real ids
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
