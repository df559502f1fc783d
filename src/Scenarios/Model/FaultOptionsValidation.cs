namespace Scenarios.Model;

/// <summary>
/// One problem with a fault's options: the scenario key it concerns, dotted and relative to the fault entry (e.g.
/// <c>delay.max</c>, <c>where.ratio</c>), and a message that says what to change.
/// </summary>
public sealed record FaultOptionError(string Key, string Message);

/// <summary>
/// Validation for fault options built in code (Polly v8 style): every problem in one exception, each message saying
/// what to change. Scenario files get the same messages from the loader, at the line of the offending key.
/// </summary>
public static class FaultOptionsValidation
{
    public static void ThrowIfInvalid(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
            throw new FaultOptionsValidationException(options.Kind, errors);
    }
}

/// <summary>Fault options that cannot run; <see cref="Errors"/> lists every problem.</summary>
public sealed class FaultOptionsValidationException : ArgumentException
{
    public FaultOptionsValidationException(string kind, IReadOnlyList<FaultOptionError> errors)
        : base(Compose(kind, errors))
    {
        Kind = kind;
        Errors = errors;
    }

    public string Kind { get; }
    public IReadOnlyList<FaultOptionError> Errors { get; }

    private static string Compose(string kind, IReadOnlyList<FaultOptionError> errors) =>
        $"The '{kind}' fault options are invalid.{Environment.NewLine}{Environment.NewLine}Validation errors:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => $"- {e.Key}: {e.Message}"));
}
