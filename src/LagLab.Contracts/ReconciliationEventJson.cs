using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LagLab.Contracts;

/// <summary>
/// The one JSON form of <see cref="ReconciliationEvent"/>: camelCase fields <c>eventId, account, sequence, amount,
/// currency, producedAt</c> (ISO 8601); unknown fields are ignored, missing ones are errors.
/// </summary>
public static class ReconciliationEventJson
{
    /// <summary>UTF-8 JSON of the event.</summary>
    public static byte[] Serialize(ReconciliationEvent value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, ContractsJsonContext.Default.ReconciliationEvent);

    /// <summary>
    /// Parses and validates UTF-8 JSON. On failure <paramref name="error"/> says what is wrong (the field or the JSON
    /// position), fit for a 400 body or a dead-letter reason.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out ReconciliationEvent? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (utf8Json.IsEmpty)
        {
            error = "empty body: expected a JSON reconciliation event.";
            return false;
        }
        ReconciliationEvent? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(utf8Json, ContractsJsonContext.Default.ReconciliationEvent);
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
            return false;
        }
        if (parsed is null)
        {
            error = "invalid JSON: expected an object, got null.";
            return false;
        }
        error = parsed.Validate();
        if (error is not null)
        {
            return false;
        }
        value = parsed;
        return true;
    }
}
