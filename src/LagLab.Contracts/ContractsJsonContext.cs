using System.Text.Json.Serialization;

namespace LagLab.Contracts;

/// <summary>Source-generated JSON for every contract type (no reflection, trimming-safe, fast).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ReconciliationEvent))]
[JsonSerializable(typeof(ReconcileResponse))]
[JsonSerializable(typeof(LedgerStats))]
[JsonSerializable(typeof(LedgerEventsPage))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
