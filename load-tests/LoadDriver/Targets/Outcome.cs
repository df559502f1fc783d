namespace LoadDriver.Targets;

/// <summary>Why a request counts as an error; <see cref="None"/> for a success.</summary>
public enum ErrorKind
{
    None,
    /// <summary>An answer with a status outside 1xx-3xx, whose class is kept in <see cref="Outcome.StatusCode"/>.</summary>
    Status4xx,
    Status5xx,
    /// <summary>No answer within the runner's request timeout.</summary>
    Timeout,
    /// <summary>Refused, reset or otherwise failed before an answer arrived.</summary>
    Connection,
    /// <summary>The request delegate threw something the runner does not recognise.</summary>
    Other,
}

/// <summary>What one request came to.</summary>
public readonly record struct Outcome(ErrorKind Error, int StatusCode = 0)
{
    public static readonly Outcome Timeout = new(ErrorKind.Timeout);
    public static readonly Outcome ConnectionError = new(ErrorKind.Connection);

    public bool IsError => Error != ErrorKind.None;

    public static Outcome FromStatus(int statusCode) => statusCode switch
    {
        >= 500 => new(ErrorKind.Status5xx, statusCode),
        >= 400 => new(ErrorKind.Status4xx, statusCode),
        _ => new(ErrorKind.None, statusCode),
    };

    /// <summary>The short label used in reports and thresholds: "5xx", "timeout", ...</summary>
    public static string Label(ErrorKind kind) => kind switch
    {
        ErrorKind.None => "none",
        ErrorKind.Status4xx => "4xx",
        ErrorKind.Status5xx => "5xx",
        ErrorKind.Timeout => "timeout",
        ErrorKind.Connection => "connection",
        _ => "other",
    };

    /// <summary>The kind a <see cref="Label"/> stands for, or null for a label no kind has.</summary>
    public static ErrorKind? KindOf(string label) =>
        Enum.GetValues<ErrorKind>().Where(k => Label(k) == label).Select(k => (ErrorKind?)k).FirstOrDefault();
}
