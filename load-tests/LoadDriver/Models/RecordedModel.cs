namespace LoadDriver.Models;

/// <summary>
/// The model of a load read back from interval logs (a merge of shards): nothing is sent, so only what the logs say
/// about it survives, its description and how long it ran.
/// </summary>
public sealed record RecordedModel : LoadModel
{
    public RecordedModel(string description, TimeSpan duration) : base(duration > TimeSpan.Zero ? duration : TimeSpan.FromTicks(1), long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(description);
        Description = description;
    }

    public string Description { get; }

    public override string Describe() => Description;
}
