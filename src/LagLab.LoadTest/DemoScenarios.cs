using LagLab.Scenarios;

namespace LagLab.LoadTest;

/// <summary>The demo's two built-in scenarios, and their compressed <c>--quick</c> variant.</summary>
public static class DemoScenarios
{
    public const string Incident = "incident";
    public const string Fixed = "fixed";

    /// <summary>Wall time of one scenario day in the quick variant.</summary>
    public static readonly TimeSpan QuickDay = TimeSpan.FromSeconds(60);

    /// <summary>Scenario days the quick variant runs: the fewest that show lag growing (or not) from one day to the next.</summary>
    public const int QuickDays = 2;

    public static (Scenario Incident, Scenario Fixed) Load(bool quick)
    {
        var incident = ScenarioLoader.LoadBuiltIn(Incident);
        var fixedScenario = ScenarioLoader.LoadBuiltIn(Fixed);
        return quick ? (Quick(incident), Quick(fixedScenario)) : (incident, fixedScenario);
    }

    /// <summary>
    /// The same scenario with each day compressed to <see cref="QuickDay"/> and <see cref="QuickDays"/> days of
    /// traffic. Rates are not scaled, so less lag builds per (shorter) day than in the full run; the report says so.
    /// </summary>
    public static Scenario Quick(Scenario scenario)
    {
        var duration = TimeSpan.FromDays(QuickDays) < scenario.Producer.Duration ? TimeSpan.FromDays(QuickDays) : scenario.Producer.Duration;
        return scenario with
        {
            Name = scenario.Name,
            Description = scenario.Description + $" (quick variant: a day lasts {Duration.Format(QuickDay)}, {Duration.Format(duration)} of traffic)",
            TimeScale = new TimeScale(TimeSpan.FromDays(1) / QuickDay),
            Producer = scenario.Producer with { Duration = duration },
        };
    }
}
