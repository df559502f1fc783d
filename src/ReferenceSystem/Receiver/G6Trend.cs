namespace ReferenceSystem.Receiver;

/// <summary>
/// The G6 trend byte (signed, 0.1 mg/dL per minute; 127 = not available, spec §1.4) as a Nightscout direction name,
/// with Dexcom's arrow bands: under 1 mg/dL/min flat, 1–2 forty-five, 2–3 single, 3 or more double.
/// </summary>
internal static class G6Trend
{
    public const sbyte NotAvailable = 127;

    public static string Direction(sbyte trend)
    {
        if (trend == NotAvailable)
            return "NOT COMPUTABLE";
        var rate = trend / 10.0;
        return rate switch
        {
            >= 3 => "DoubleUp",
            >= 2 => "SingleUp",
            >= 1 => "FortyFiveUp",
            > -1 => "Flat",
            > -2 => "FortyFiveDown",
            > -3 => "SingleDown",
            _ => "DoubleDown",
        };
    }
}
