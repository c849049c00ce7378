namespace LagLab.LoadTest.Results;

/// <summary>Everything one run measured: written as results.json and drawn in report.html. Times are seconds from the start of traffic.</summary>
public sealed record RunResults
{
    private readonly IReadOnlyList<UnexpectedExit> _unexpectedExits = [];

    public required string Scenario { get; init; }

    public string Description { get; init; } = "";

    public string Source { get; init; } = "";

    public required RunSetup Setup { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Traffic phase (the scenario's duration, compressed).</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Time after the traffic stopped spent waiting for the backlog to drain.</summary>
    public double DrainSeconds { get; init; }

    public required IReadOnlyList<LagSample> Samples { get; init; }

    public required IReadOnlyList<RateSample> Rates { get; init; }

    public required IReadOnlyList<DelayWindow> Delays { get; init; }

    public required DelayStats Delay { get; init; }

    public required IReadOnlyList<ActionRecord> Actions { get; init; }

    public required IReadOnlyList<RebalanceRecord> Rebalances { get; init; }

    public required IReadOnlyList<PauseRecord> Pauses { get; init; }

    public required IReadOnlyList<AlertRecord> Alerts { get; init; }

    /// <summary>Where the verdict's alert came from: <c>monitor</c>, or <c>harness</c> when the monitor could not run.</summary>
    public string AlertSource { get; init; } = "monitor";

    public required IReadOnlyList<ResourceSample> Resources { get; init; }

    /// <summary>The capacity model run on the scenario as written: how good its stated parameters are for this machine.</summary>
    public ForecastComparison? Forecast { get; init; }

    /// <summary>The mechanism inputs this run measured (throughput while backlogged, deploy timings, re-sent events).</summary>
    public MeasuredMechanisms? Mechanisms { get; init; }

    /// <summary>The same model run with <see cref="Mechanisms"/> in place of the scenario's stated inputs: the model's own error.</summary>
    public ForecastComparison? MeasuredForecast { get; init; }

    public required RunTotals Totals { get; init; }

    public required IReadOnlyList<SloResult> Verdict { get; init; }

    /// <summary>
    /// Parts that exited without the timeline asking; the verdict's <c>unexpected exits</c> check counts them. Empty,
    /// never null, when read from a results.json written before the check existed.
    /// </summary>
    public IReadOnlyList<UnexpectedExit> UnexpectedExits { get => _unexpectedExits; init => _unexpectedExits = value ?? []; }

    /// <summary>Every check held, and nothing exited unasked (even in a results.json written before that check existed).</summary>
    public bool Passed => Verdict.All(v => v.Pass) && UnexpectedExits.Count == 0;

    /// <summary>Things the reader should know (a part that could not run, samples missed while the broker was frozen...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
