namespace LagLab.Contracts;

/// <summary>
/// One reconciliation event: the Kafka record value (JSON, see <see cref="ReconciliationEventJson"/>) whose record key is
/// <see cref="Account"/>, and the body of the bank's <c>POST /v1/reconcile</c>.
/// </summary>
/// <remarks>
/// <see cref="Sequence"/> is assigned by the producer per account, starting at 1 and increasing by 1, so the bank can
/// check the order of applied events per account exactly (timestamps can tie; sequences cannot).
/// </remarks>
public sealed record ReconciliationEvent
{
    /// <summary>Longest accepted <see cref="EventId"/> and <see cref="Account"/>, in characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Unique id of the event; also the bank's idempotency key.</summary>
    public required string EventId { get; init; }

    /// <summary>The account the event belongs to; the Kafka record key.</summary>
    public required string Account { get; init; }

    /// <summary>Position of the event in its account's stream: 1, 2, 3, ...</summary>
    public required long Sequence { get; init; }

    /// <summary>Signed amount in the currency's major unit.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 alphabetic code: three upper-case ASCII letters.</summary>
    public required string Currency { get; init; }

    /// <summary>When the producer created the event; the start of end-to-end reconciliation delay.</summary>
    public required DateTimeOffset ProducedAt { get; init; }

    /// <summary>Checks the field rules JSON cannot express; returns null when valid, otherwise a reason naming the field.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(EventId))
        {
            return "eventId is empty.";
        }
        if (EventId.Length > MaxIdLength)
        {
            return $"eventId is longer than {MaxIdLength} characters.";
        }
        if (string.IsNullOrWhiteSpace(Account))
        {
            return "account is empty.";
        }
        if (Account.Length > MaxIdLength)
        {
            return $"account is longer than {MaxIdLength} characters.";
        }
        if (Sequence < 1)
        {
            return $"sequence must be 1 or more, got {Sequence}.";
        }
        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
        {
            return $"currency must be three upper-case letters (ISO 4217), got '{Currency}'.";
        }
        return null;
    }
}
