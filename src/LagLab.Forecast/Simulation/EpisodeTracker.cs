namespace LagLab.Forecast.Simulation;

/// <summary>Backlog episodes: from leaving zero, through the peak, to drained (or still open at the horizon).</summary>
internal sealed class EpisodeTracker
{
    /// <summary>Below this a backlog is noise of the arithmetic, not work.</summary>
    private const double Zero = 0.5;

    private readonly List<(double Start, double PeakAt, double Peak, double? End)> _episodes = [];
    private double? _start;
    private double _peak;
    private double _peakAt;

    public IReadOnlyList<(double Start, double PeakAt, double Peak, double? End)> Episodes => _episodes;

    public void Step(double t0, double t1, double backlog1)
    {
        if (_start is null && backlog1 > Zero)
        {
            _start = t0;
            _peak = 0;
        }
        if (_start is null)
        {
            return;
        }
        if (backlog1 > _peak)
        {
            (_peak, _peakAt) = (backlog1, t1);
        }
        if (backlog1 <= Zero)
        {
            _episodes.Add((_start.Value, _peakAt, _peak, t1));
            _start = null;
        }
    }

    public void Close()
    {
        if (_start is { } start)
        {
            _episodes.Add((start, _peakAt, _peak, null));
            _start = null;
        }
    }
}
