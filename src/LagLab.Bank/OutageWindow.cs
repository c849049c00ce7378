using System.Diagnostics.CodeAnalysis;

namespace LagLab.Bank;

/// <summary>A scheduled outage: from <see cref="At"/> after the bank started, for <see cref="Duration"/>, every call answers 503.</summary>
public readonly record struct OutageWindow(TimeSpan At, TimeSpan Duration)
{
    /// <summary>When the outage ends, relative to the bank's start.</summary>
    public TimeSpan End => At + Duration;

    /// <summary>Parses <c>AT:DURATION</c>, e.g. <c>30s:30s</c>.</summary>
    public static bool TryParse(string? text, out OutageWindow value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var parts = (text ?? string.Empty).Split(':');
        if (parts.Length != 2)
        {
            error = $"'{text}' must be AT:DURATION relative to the bank's start, e.g. 30s:30s.";
            return false;
        }
        if (!BankDuration.TryParse(parts[0], out var at, out var atError))
        {
            error = $"'{text}': AT {atError}";
            return false;
        }
        if (!BankDuration.TryParse(parts[1], out var duration, out var durationError))
        {
            error = $"'{text}': DURATION {durationError}";
            return false;
        }
        if (duration <= TimeSpan.Zero)
        {
            error = $"'{text}': DURATION must be more than 0.";
            return false;
        }
        value = new OutageWindow(at, duration);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{BankDuration.Format(At)}:{BankDuration.Format(Duration)}";
}
