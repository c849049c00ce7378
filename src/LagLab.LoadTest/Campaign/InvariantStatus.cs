namespace LagLab.LoadTest.Campaign;

/// <summary>How one invariant came out on one run. Not measured is never a pass: the run is then incomplete.</summary>
public enum InvariantStatus
{
    Pass,
    Fail,
    NotMeasured,
}
