namespace LagLab.Forecast;

/// <summary>One forecast quantity over the uncalibrated range: lowest and highest of the model's answers, and its answer at the inputs' midpoint.</summary>
public sealed record ValueRange(double Min, double Max, double Midpoint)
{
    public static ValueRange Of(IEnumerable<double> answers, double midpoint)
    {
        var all = answers.Append(midpoint).ToList();
        return new ValueRange(all.Min(), all.Max(), midpoint);
    }

    /// <summary>Null answers (never within the horizon) count as the horizon; null when every answer is null.</summary>
    public static ValueRange? OfOptional(IEnumerable<double?> answers, double? midpoint, double horizon)
    {
        var all = answers.Append(midpoint).ToList();
        return all.All(a => a is null) ? null : Of(all.Take(all.Count - 1).Select(a => a ?? horizon), midpoint ?? horizon);
    }
}
