using System.Text.Json;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Invariant (a): no part exited unexpectedly. The run must have finished (exit 0 or 1, results.json written: not 2,
/// and not a harness that died itself), and
/// results.json must carry the harness's count of unexpected exits. Until the harness records one, the invariant is
/// not measured, never passed by default.
/// </summary>
internal static class ExitCheck
{
    /// <summary>Names results.json may use for the count (at its root or under <c>totals</c>), in any case.</summary>
    private static readonly string[] FieldNames = ["unexpectedExits", "unexpected_exits"];

    public static InvariantResult Judge(LoadTestOutcome outcome, JsonElement? results)
    {
        if (outcome.ExitCode is not (LoadTestOutcome.Passed or LoadTestOutcome.SloViolated))
        {
            return Result(InvariantStatus.Fail, $"the run could not finish: {outcome.Error ?? $"exit code {outcome.ExitCode}"}");
        }
        if (results is not { } root)
        {
            return Result(InvariantStatus.Fail, "the run wrote no results.json");
        }
        var field = Find(root) ?? (root.TryGetProperty("totals", out var totals) ? Find(totals) : null);
        if (field is not { } value)
        {
            return Result(InvariantStatus.NotMeasured, "results.json records no unexpected exits (the harness does not count them in this build)");
        }
        var (count, detail) = value.ValueKind switch
        {
            JsonValueKind.Number => (value.GetInt64(), ""),
            JsonValueKind.Array => (value.GetArrayLength(), value.GetArrayLength() == 0 ? "" : ": " + Shorten(value.GetRawText())),
            JsonValueKind.Object when value.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number => (c.GetInt64(), ": " + Shorten(value.GetRawText())),
            _ => (-1L, ""),
        };
        return count switch
        {
            < 0 => Result(InvariantStatus.NotMeasured, $"results.json's unexpected exits has a shape this campaign does not read: {Shorten(value.GetRawText())}"),
            0 => Result(InvariantStatus.Pass, "0 unexpected exits"),
            _ => Result(InvariantStatus.Fail, $"{count} unexpected exit(s){detail}"),
        };
    }

    private static JsonElement? Find(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (FieldNames.Any(n => n.Equals(property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private static InvariantResult Result(InvariantStatus status, string detail) => new(InvariantResult.NoUnexpectedExit, status, detail);
}
