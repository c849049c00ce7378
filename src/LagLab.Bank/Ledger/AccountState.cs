namespace LagLab.Bank.Ledger;

/// <summary>What the ledger knows of one account; guarded by the ledger's lock.</summary>
internal sealed class AccountState
{
    /// <summary>The highest sequence applied so far for the account (0 before any).</summary>
    public long MaxSequence { get; set; }

    public long Applied { get; set; }

    public long OrderViolations { get; set; }
}
