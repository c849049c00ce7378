using System.Globalization;

namespace LagLab.Contracts;

/// <summary>
/// The pipeline's machine-readable line for every change of the partitions it owns, on its standard output:
/// <c>laglab pipeline ownership: instance=NAME change=assigned|revoked|lost partitions=0,2 owned=0,2,4 at_ms=UNIX_MS</c>.
/// One definition for the writer (the pipeline) and the readers (the load-test harness, benchmarks), so a change of
/// the format breaks a round-trip test instead of a measurement.
/// </summary>
/// <param name="Instance">The pipeline instance (<c>--instance</c>, or its static member id).</param>
/// <param name="Change">What happened: <see cref="Assigned"/>, <see cref="Revoked"/> or <see cref="Lost"/>.</param>
/// <param name="Partitions">The partitions this change was about.</param>
/// <param name="Owned">Every partition the instance owns after the change.</param>
/// <param name="AtMs">When, in Unix milliseconds of the pipeline's clock.</param>
public sealed record OwnershipLine(string Instance, string Change, IReadOnlyList<int> Partitions, IReadOnlyList<int> Owned, long AtMs)
{
    public const string Prefix = "laglab pipeline ownership: ";

    public const string Assigned = "assigned";

    public const string Revoked = "revoked";

    public const string Lost = "lost";

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}instance={Instance} change={Change} partitions={List(Partitions)} owned={List(Owned)} at_ms={AtMs}");

    /// <summary>Reads a line written by <see cref="Format"/>; false for any other line (or a damaged one).</summary>
    public static bool TryParse(string line, out OwnershipLine? parsed)
    {
        parsed = null;
        var start = line.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in line[(start + Prefix.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }
            fields[part[..eq]] = part[(eq + 1)..];
        }
        if (!fields.TryGetValue("instance", out var instance) || instance.Length == 0
            || !fields.TryGetValue("change", out var change) || change is not (Assigned or Revoked or Lost)
            || !fields.TryGetValue("partitions", out var partitions) || !TryList(partitions, out var changed)
            || !fields.TryGetValue("owned", out var owned) || !TryList(owned, out var ownedList)
            || !fields.TryGetValue("at_ms", out var at) || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var atMs))
        {
            return false;
        }
        parsed = new OwnershipLine(instance, change, changed, ownedList, atMs);
        return true;
    }

    private static string List(IReadOnlyList<int> partitions) =>
        string.Join(',', partitions.Order().Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private static bool TryList(string text, out int[] partitions)
    {
        partitions = [];
        if (text.Length == 0)
        {
            return true;
        }
        var parts = text.Split(',');
        var list = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out list[i]))
            {
                return false;
            }
        }
        partitions = list;
        return true;
    }
}
