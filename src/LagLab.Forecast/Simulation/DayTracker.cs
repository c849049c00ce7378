namespace LagLab.Forecast.Simulation;

/// <summary>Per scenario day: highest, lowest and closing backlog, so growth from one day to the next shows.</summary>
internal sealed class DayTracker(double dayWallSeconds)
{
    private readonly List<(double Max, double MaxPartition, double Min, double End)> _days = [];
    private double _max;
    private double _maxPartition;
    private double _min = double.MaxValue;
    private double _last;
    private double _lastPartition;
    private bool _hasData;

    public IReadOnlyList<(double Max, double MaxPartition, double Min, double End)> Days => _days;

    public void Step(double t1, double backlog, double maxPartition)
    {
        while (t1 > (_days.Count + 1) * dayWallSeconds * (1 + 1e-12))
        {
            Roll();
        }
        _max = Math.Max(_max, backlog);
        _maxPartition = Math.Max(_maxPartition, maxPartition);
        _min = Math.Min(_min, backlog);
        _last = backlog;
        _lastPartition = maxPartition;
        _hasData = true;
        if (Math.Abs(t1 - ((_days.Count + 1) * dayWallSeconds)) <= dayWallSeconds * 1e-9)
        {
            Roll();
        }
    }

    public void Close()
    {
        if (_hasData)
        {
            Roll();
        }
    }

    private void Roll()
    {
        _days.Add((_max, _maxPartition, _min == double.MaxValue ? _last : _min, _last));
        _max = _last;
        _maxPartition = _lastPartition;
        _min = _last;
        _hasData = false;
    }
}
