namespace LagLab.Monitor.Analysis;

/// <summary>
/// The sliding window of one group's partition: the samples of the last <c>window</c> of time (at most
/// <see cref="MaxSamples"/>). A lower end offset means the topic was recreated, and the window starts over.
/// </summary>
internal sealed class PartitionWindow(TimeSpan window)
{
    public const int MaxSamples = 512;

    private readonly List<PartitionSample> _samples = [];

    public IReadOnlyList<PartitionSample> Samples => _samples;

    public void Add(PartitionSample sample)
    {
        if (_samples.Count > 0)
        {
            var last = _samples[^1];
            if (sample.Time <= last.Time)
            {
                return;
            }
            if (sample.Latest < last.Latest)
            {
                _samples.Clear();
            }
        }
        _samples.Add(sample);
        var cutoff = sample.Time - window;
        var drop = 0;
        while (drop < _samples.Count - 1 && (_samples[drop].Time < cutoff || _samples.Count - drop > MaxSamples))
        {
            drop++;
        }
        _samples.RemoveRange(0, drop);
    }
}
