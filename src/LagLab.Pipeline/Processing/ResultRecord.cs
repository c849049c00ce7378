namespace LagLab.Pipeline.Processing;

/// <summary>The value of one record on the results topic: one per event applied at the bank (key: the event id).</summary>
internal sealed record ResultRecord
{
    public required string EventId { get; init; }

    public required string Account { get; init; }

    public required long Sequence { get; init; }

    /// <summary><c>applied</c> (applied by this call) or <c>replayed</c> (the bank had applied it before, e.g. before a crash).</summary>
    public required string Outcome { get; init; }

    public required double BankLatencyMs { get; init; }

    /// <summary>From the event's produced-at to the bank's answer.</summary>
    public required double EndToEndMs { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    /// <summary>True when the event went through the durable spool.</summary>
    public required bool Spooled { get; init; }

    public required string Instance { get; init; }

    public required int Partition { get; init; }

    public required long Offset { get; init; }
}
