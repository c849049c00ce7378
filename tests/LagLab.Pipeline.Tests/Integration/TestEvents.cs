using LagLab.Contracts;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>The reconciliation event the integration tests produce: a unique id per run, so a re-run never meets an old ledger entry.</summary>
internal static class TestEvents
{
    public static ReconciliationEvent Event(string account, long sequence, decimal amount = 1.25m) => new()
    {
        EventId = $"{account}-{sequence}-{Guid.NewGuid():N}",
        Account = account,
        Sequence = sequence,
        Amount = amount,
        Currency = "EUR",
        ProducedAt = DateTimeOffset.UtcNow,
    };
}
