namespace LagLab.LoadTest;

/// <summary>The run could not be carried out (as opposed to an SLO that failed): exit code 2.</summary>
public sealed class LoadTestException : Exception
{
    public LoadTestException()
    {
    }

    public LoadTestException(string message)
        : base(message)
    {
    }

    public LoadTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
