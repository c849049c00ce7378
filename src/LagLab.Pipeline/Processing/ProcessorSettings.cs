namespace LagLab.Pipeline.Processing;

/// <summary>How the processor retries and when it diverts to the spool.</summary>
internal sealed record ProcessorSettings
{
    /// <summary>Names this instance in result records.</summary>
    public string Instance { get; init; } = "pipeline";

    /// <summary>With a spool: divert an event when the bank allows the next try no sooner than this (429 Retry-After, open breaker, backoff).</summary>
    public TimeSpan SpoolAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a failed call; doubles per failure of the same event, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait when the bank throttles or the breaker is open without saying until when.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Spooled events read per account per step of a replay.</summary>
    public int ReplayBatch { get; init; } = 32;
}
