namespace LagLab.Monitor.Exposition;

/// <summary>One series' current value. <see cref="Labels"/> includes <c>__name__</c> for exposed metrics.</summary>
internal readonly record struct Sample(LabelSet Labels, double Value);
