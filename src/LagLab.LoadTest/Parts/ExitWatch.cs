using LagLab.LoadTest.Processes;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Sampling;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// Where every part of a run reports an exit nobody asked for: it is timed on the run's clock, recorded for the
/// verdict and the live view, and, for a part the run cannot go on without (the embedded broker, the bank), it ends
/// the run early through <see cref="Fatal"/> so the run is judged on what it recorded instead of hanging on.
/// </summary>
internal sealed class ExitWatch(RunRecorder recorder, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _fatal = new();
    private readonly HashSet<string> _exitedParts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _start = -1;

    /// <summary>Cancelled when a part the run needs has exited unasked.</summary>
    public CancellationToken Fatal => _fatal.Token;

    /// <summary>The first exit that ended the run early, if any.</summary>
    public UnexpectedExit? FatalExit { get; private set; }

    /// <summary>From now on exits are timed from <paramref name="start"/> (the start of traffic); before, at 0.</summary>
    public void TrafficStarted(long start) => Interlocked.Exchange(ref _start, start);

    public bool HasExited(string part)
    {
        lock (_lock)
        {
            return _exitedParts.Contains(part);
        }
    }

    /// <summary>Records <paramref name="exit"/> of <paramref name="part"/>; <paramref name="then"/> says what the harness does about it.</summary>
    public void Report(string part, int? instance, ChildExit exit, string then, bool fatal = false)
    {
        var start = Interlocked.Read(ref _start);
        var t = start < 0 ? 0 : Math.Round(time.GetElapsedTime(start).TotalSeconds, 3);
        lock (_lock)
        {
            _exitedParts.Add(part);
        }
        var record = new UnexpectedExit(part, instance, exit.Name, exit.ExitCode, exit.Signal is { } s ? Signals.Name(s) : null,
            t, time.GetUtcNow(), then, exit.LastLines);
        recorder.AddUnexpectedExit(record);
        if (fatal)
        {
            lock (_lock)
            {
                FatalExit ??= record;
            }
            _fatal.Cancel();
        }
    }

    /// <summary>Something the reader of the report should know about an exit's aftermath (a restart that failed).</summary>
    public void Note(string note)
    {
        var start = Interlocked.Read(ref _start);
        recorder.Note(start < 0 ? 0 : time.GetElapsedTime(start).TotalSeconds, note);
    }

    public void Dispose() => _fatal.Dispose();
}
