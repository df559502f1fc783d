namespace Simulator.Ble.Radio;

/// <summary>How one wake window of a transmitter ended (journaled as <c>ble-window</c>).</summary>
public enum WindowOutcome
{
    /// <summary>A receiver connected during the window.</summary>
    Connected,

    /// <summary>The window was advertised but no receiver connected (the reading stays in backfill memory).</summary>
    NotConnectedByReceiver,

    /// <summary>The radio plan dropped the whole window (missed-windows ratio): nothing was advertised.</summary>
    Missed,

    /// <summary>The window opened inside an out-of-range span: nothing was advertised.</summary>
    OutOfRange,
}

public static class WindowOutcomeNames
{
    /// <summary>The journal spelling: connected, not-connected-by-receiver, missed, out-of-range.</summary>
    public static string ToJournalName(this WindowOutcome outcome) => outcome switch
    {
        WindowOutcome.Connected => "connected",
        WindowOutcome.NotConnectedByReceiver => "not-connected-by-receiver",
        WindowOutcome.Missed => "missed",
        WindowOutcome.OutOfRange => "out-of-range",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown window outcome."),
    };
}
