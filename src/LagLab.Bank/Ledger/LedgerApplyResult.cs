using LagLab.Contracts;

namespace LagLab.Bank.Ledger;

/// <summary>
/// The outcome of <see cref="BankLedger.Apply"/>: the (original) result, whether the key was already applied, and, when
/// it was applied with a different payload, the fields that differ (<see cref="Conflict"/>; nothing was applied).
/// </summary>
internal readonly record struct LedgerApplyResult(ReconcileResponse Response, bool IsDuplicate, bool IsOrderViolation, IReadOnlyList<string>? Conflict = null);
