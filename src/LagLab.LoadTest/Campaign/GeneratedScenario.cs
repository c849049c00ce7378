using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>One scenario of a campaign: its seed, the YAML file the generator wrote, and that file as the loader read it.</summary>
public sealed record GeneratedScenario(int Seed, string Yaml, Scenario Scenario)
{
    /// <summary>The file name the campaign writes it under, and the name of its run directory.</summary>
    public string FileName => $"seed-{Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}.yaml";
}
