using LagLab.Contracts;

namespace LagLab.Bank.Http;

/// <summary>A parsed <c>POST /v1/reconcile</c>: the event and its idempotency key, or why it was refused.</summary>
internal readonly record struct ReconcileRequest(ReconciliationEvent? Event, string? Key, BankAnswer? Refusal);
