namespace LagLab.Forecast;

/// <summary>Everything the forecast says about one scenario over one horizon. Event times are scenario time.</summary>
public sealed record ForecastResult
{
    public required string Scenario { get; init; }

    /// <summary>Compression of the run (1: real time).</summary>
    public required double TimeScale { get; init; }

    public required TimeSpan Horizon { get; init; }

    public required TimeSpan WallHorizon { get; init; }

    public required FleetCapacity Capacity { get; init; }

    public required IReadOnlyList<ForecastPoint> Points { get; init; }

    /// <summary>Highest group lag (sum over partitions, events in Kafka).</summary>
    public required double MaxLag { get; init; }

    public required TimeSpan MaxLagAt { get; init; }

    public required double MaxPartitionLag { get; init; }

    /// <summary>Highest lag plus spooled events: all pending work.</summary>
    public required double MaxBacklog { get; init; }

    public required double MaxSpool { get; init; }

    /// <summary>Age of the oldest unconsumed event at worst (wall time).</summary>
    public required TimeSpan MaxTimeLag { get; init; }

    public required double EndLag { get; init; }

    public required double EndBacklog { get; init; }

    /// <summary>Time to drain what is left at the horizon at the spare capacity then (wall); null: no spare capacity, or nothing left.</summary>
    public required TimeSpan? FinalDrain { get; init; }

    public required IReadOnlyList<AlertForecast> Alerts { get; init; }

    public required IReadOnlyList<DrainEpisode> Episodes { get; init; }

    public required IReadOnlyList<DayForecast> Days { get; init; }

    public Recommendation? Recommendation { get; init; }

    /// <summary>Integration steps taken (the cost of the forecast).</summary>
    public required int Steps { get; init; }

    /// <summary>The calibration whose measured mechanisms the forecast used, in words (file, when, on what); null: none.</summary>
    public string? Calibration { get; init; }

    /// <summary>How the scenario differs from what the calibration was measured on (its mechanisms may not transfer).</summary>
    public IReadOnlyList<string> CalibrationWarnings { get; init; } = [];

    /// <summary>
    /// Set when some mechanism input that matters for this scenario was not calibrated: the forecast is this range, and
    /// the other fields are the model at the inputs' midpoint (not a prediction). Null: a point forecast.
    /// </summary>
    public ForecastRange? Range { get; init; }
}
