using LagLab.Contracts;

namespace LagLab.Bank.Ledger;

/// <summary>The outcome of <see cref="BankLedger.Apply"/>: the (original) result, and whether the key was already applied.</summary>
internal readonly record struct LedgerApplyResult(ReconcileResponse Response, bool IsDuplicate, bool IsOrderViolation);
