namespace LagLab.LoadTest.Processes;

/// <summary>A part of the run (broker, bank, monitor, pipeline) could not be started or stopped as needed.</summary>
public sealed class ChildProcessException : Exception
{
    public ChildProcessException()
    {
    }

    public ChildProcessException(string message)
        : base(message)
    {
    }

    public ChildProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
