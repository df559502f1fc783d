using ReferenceSystem.Follow;

namespace ReferenceSystem.Receiver;

// The body of POST /api/receiver as it arrives (camelCase JSON). Everything is nullable so that
// ReceiverRequestValidator can name the missing or bad field; the validated form is ReceiverSettings.
// Classes, not records, so that no generated ToString ever prints a password or secret.

internal sealed class ReceiverRequest
{
    public ClockRequest? Clock { get; set; }
    public string? Link { get; set; }
    public string? LocalAlarms { get; set; }
    /// <summary>The phone app has been running since this instant (ISO 8601); default: when the receiver starts.</summary>
    public DateTimeOffset? Since { get; set; }
    public ReceiverPolicyRequest? Policy { get; set; }
    public List<TransmitterRequest?>? Transmitters { get; set; }
}

internal sealed class ReceiverPolicyRequest
{
    public int? UrgentLowMgdl { get; set; }
    public int? LowMgdl { get; set; }
    public int? HighMgdl { get; set; }
    public int? SignalLossMinutes { get; set; }
}

internal sealed class TransmitterRequest
{
    public string? Patient { get; set; }
    public int? LinkId { get; set; }
    public string? TransmitterId { get; set; }
    public ShareRequest? Share { get; set; }
    public NightscoutRequest? Nightscout { get; set; }
}
