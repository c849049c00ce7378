using LagLab.Scenarios;

namespace LagLab.Cli.Commands;

/// <summary>Prints a scenario's warnings (deprecated fields) on stderr, compiler-style, before a command runs it.</summary>
internal static class ScenarioWarnings
{
    public static void Print(string command, Scenario scenario)
    {
        foreach (var warning in scenario.Warnings)
        {
            Console.Error.WriteLine($"laglab {command}: warning: {warning.Format(scenario.Source)}");
        }
    }
}
