using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// One position in the fleet (<c>pipeline-N</c>): the process currently running there, if any. Its metrics port
/// and spool directory survive restarts, as a pod's identity survives a redeploy.
/// </summary>
internal sealed class PipelineSlot(int index, int metricsPort)
{
    public int Index { get; } = index;

    public string Name { get; } = PipelineArguments.InstanceName(index);

    public int MetricsPort { get; } = metricsPort;

    /// <summary>Serializes start/stop/kill of this slot across overlapping actions.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public ChildProcess? Process { get; set; }

    /// <summary>How many processes have run in this slot (1 for the first start).</summary>
    public int Starts { get; set; }

    public bool IsRunning => Process is { HasExited: false };
}
