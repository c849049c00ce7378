namespace LagLab.Monitor.Analysis;

/// <summary>
/// The sliding window of one group's partition: the samples of the last <c>window</c> of time (at most
/// <see cref="MaxSamples"/>). A lower end offset means the topic was recreated, and the window starts over.
/// Samples sit contiguously in one array that grows on demand (the monitor holds one window per
/// group-partition, so their size is its memory): old samples are dropped by moving the start, and the
/// live ones are moved back to the front only when the array's end is reached.
/// </summary>
internal sealed class PartitionWindow(TimeSpan window)
{
    public const int MaxSamples = 512;

    private const int InitialSize = 4;

    private PartitionSample[] _samples = [];
    private int _start;
    private int _count;

    /// <summary>The samples, oldest first; valid until the next <see cref="Add"/>.</summary>
    public ReadOnlySpan<PartitionSample> Samples => _samples.AsSpan(_start, _count);

    /// <summary>The analyzer's cycle that last added to this window (windows not seen in a cycle are dropped).</summary>
    public int Cycle { get; set; }

    /// <summary>Slots allocated (for tests of the storage).</summary>
    internal int Allocated => _samples.Length;

    public void Add(PartitionSample sample)
    {
        if (_count > 0)
        {
            var last = _samples[_start + _count - 1];
            if (sample.Ticks <= last.Ticks)
            {
                return;
            }
            if (sample.Latest < last.Latest)
            {
                _start = 0;
                _count = 0;
            }
        }
        // The new sample is always kept; older ones leave once out of the window or over the cap.
        var cutoff = (sample.Time - window).UtcTicks;
        while (_count > 0 && (_samples[_start].Ticks < cutoff || _count + 1 > MaxSamples))
        {
            _start++;
            _count--;
        }
        if (_count == 0)
        {
            _start = 0;
        }
        if (_start + _count == _samples.Length)
        {
            MakeRoom();
        }
        _samples[_start + _count] = sample;
        _count++;
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Array.Copy(_samples, _start, _samples, 0, _count);
            _start = 0;
            return;
        }
        // Doubling to 8, then by half: 11 samples (a 50 s window polled every 5 s) take 12 slots, not 16.
        var size = _samples.Length < 8 ? _samples.Length * 2 : _samples.Length + (_samples.Length / 2);
        var grown = new PartitionSample[Math.Clamp(size, InitialSize, MaxSamples)];
        Array.Copy(_samples, grown, _count);
        _samples = grown;
    }
}
