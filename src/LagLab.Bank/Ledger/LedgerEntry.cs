using LagLab.Contracts;

namespace LagLab.Bank.Ledger;

/// <summary>
/// One applied key: the result every replay gets, and the payload fields a reuse of the key is compared with (a key reused
/// with another amount is a different event, not a retry).
/// </summary>
internal sealed record LedgerEntry(ReconcileResponse Response, decimal Amount, string Currency)
{
    /// <summary>The fields of <paramref name="value"/> that differ from what was applied, in a fixed order; empty for a true retry.</summary>
    public IReadOnlyList<string> Differences(ReconciliationEvent value)
    {
        var fields = new List<string>(4);
        if (!string.Equals(value.Account, Response.Account, StringComparison.Ordinal))
        {
            fields.Add("account");
        }
        if (value.Sequence != Response.Sequence)
        {
            fields.Add("sequence");
        }
        // decimal equality: 10.5 and 10.50 are the same amount.
        if (value.Amount != Amount)
        {
            fields.Add("amount");
        }
        if (!string.Equals(value.Currency, Currency, StringComparison.Ordinal))
        {
            fields.Add("currency");
        }
        return fields;
    }
}
