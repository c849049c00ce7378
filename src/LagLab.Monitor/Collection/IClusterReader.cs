using LagLab.Monitor.Model;

namespace LagLab.Monitor.Collection;

/// <summary>Reads one <see cref="ClusterSnapshot"/>: committed offsets strictly before end offsets.</summary>
internal interface IClusterReader : IDisposable
{
    Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken);
}
