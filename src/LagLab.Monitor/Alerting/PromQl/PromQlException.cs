namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>An expression outside the supported subset, or malformed; <see cref="Position"/> is the 0-based column.</summary>
internal sealed class PromQlException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
