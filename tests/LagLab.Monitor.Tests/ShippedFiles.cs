namespace LagLab.Monitor.Tests;

/// <summary>The deploy/ files as copied next to the test assembly.</summary>
internal static class ShippedFiles
{
    public static string RuleFile => Path.Combine(AppContext.BaseDirectory, "deploy", "laglab-alerts.yml");

    public static string RuleTestFile => Path.Combine(AppContext.BaseDirectory, "deploy", "laglab-alerts.test.yml");
}
