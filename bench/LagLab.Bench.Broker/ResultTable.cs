using System.Globalization;

namespace LagLab.Bench.Broker;

/// <summary>Prints each measurement beside the mock cluster's and the ratio (embedded / mock).</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<ThroughputResult> results)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| operation | record | mock msgs/s | mock MB/s | laglab msgs/s | laglab MB/s | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => (r.Operation, r.RecordSize)).OrderBy(g => g.Key.RecordSize).ThenByDescending(g => g.Key.Operation))
        {
            var mock = group.Single(r => r.Target.Contains("mock", StringComparison.Ordinal));
            var ours = group.Single(r => r.Target.Contains("laglab", StringComparison.Ordinal));
            Console.WriteLine(string.Format(culture, "| {0} | {1} B | {2:N0} | {3:N1} | {4:N0} | {5:N1} | {6:N2}x |",
                group.Key.Operation, group.Key.RecordSize, mock.MessagesPerSecond, mock.MegabytesPerSecond,
                ours.MessagesPerSecond, ours.MegabytesPerSecond, ours.MessagesPerSecond / mock.MessagesPerSecond));
        }
    }
}
