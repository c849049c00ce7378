namespace LagLab.Bank.Faults;

/// <summary>
/// The outage windows, relative to the bank's start: the scheduled ones plus any started at run time through the
/// admin endpoint. Reads are lock-free (an immutable array swapped on add).
/// </summary>
internal sealed class OutageSchedule
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private OutageWindow[] _windows;

    public OutageSchedule(IEnumerable<OutageWindow> windows, TimeProvider time)
    {
        _time = time;
        _start = time.GetTimestamp();
        _windows = [.. windows.OrderBy(w => w.At)];
    }

    /// <summary>Time since the bank started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>True when an outage is on now; <paramref name="remaining"/> is how long until every overlapping window has ended.</summary>
    public bool IsActive(out TimeSpan remaining) => IsActiveAt(Elapsed, out remaining);

    /// <summary>The same for a given time since start.</summary>
    public bool IsActiveAt(TimeSpan elapsed, out TimeSpan remaining)
    {
        var end = TimeSpan.MinValue;
        foreach (var window in Volatile.Read(ref _windows))
        {
            if (window.At <= elapsed && elapsed < window.End && window.End > end)
            {
                end = window.End;
            }
        }
        // Windows added at run time may chain onto this one: extend through every window that starts before it ends.
        if (end != TimeSpan.MinValue)
        {
            bool extended;
            do
            {
                extended = false;
                foreach (var window in Volatile.Read(ref _windows))
                {
                    if (window.At <= end && window.End > end)
                    {
                        end = window.End;
                        extended = true;
                    }
                }
            }
            while (extended);
        }
        remaining = end == TimeSpan.MinValue ? TimeSpan.Zero : end - elapsed;
        return end != TimeSpan.MinValue;
    }

    /// <summary>Starts an outage now for <paramref name="duration"/> (the admin endpoint); returns the window added.</summary>
    public OutageWindow StartNow(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var window = new OutageWindow(Elapsed, duration);
        OutageWindow[] current, updated;
        do
        {
            current = Volatile.Read(ref _windows);
            updated = [.. current.Append(window).OrderBy(w => w.At)];
        }
        while (Interlocked.CompareExchange(ref _windows, updated, current) != current);
        return window;
    }

    /// <summary>
    /// Ends every outage on now (the admin endpoint's DELETE): each window under way is cut short at this moment; windows
    /// scheduled for later stay. Returns how many windows were cut.
    /// </summary>
    public int EndNow()
    {
        var now = Elapsed;
        OutageWindow[] current, updated;
        int ended;
        do
        {
            current = Volatile.Read(ref _windows);
            ended = current.Count(w => w.At <= now && now < w.End);
            updated = [.. current
                .Select(w => w.At <= now && now < w.End ? w with { Duration = now - w.At } : w)
                .Where(w => w.Duration > TimeSpan.Zero)];
        }
        while (Interlocked.CompareExchange(ref _windows, updated, current) != current);
        return ended;
    }

    /// <summary>Every window, scheduled and added, in start order.</summary>
    public IReadOnlyList<OutageWindow> Windows => Volatile.Read(ref _windows);
}
