using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>
/// Puts a calibration's measured mechanisms into a scenario's model inputs, and says which inputs it did not measure
/// (those stay uncalibrated: the forecast gives a range over them).
/// </summary>
public static class CalibrationApplier
{
    public static (Scenario Scenario, IReadOnlyList<MechanismInput> Measured) Apply(Scenario scenario, Calibration calibration)
    {
        var m = calibration.Mechanisms;
        var measured = new List<MechanismInput>();
        var s = scenario;
        if (m.CallOverhead is { } overhead)
        {
            s = UncalibratedBounds.With(s, MechanismInput.CallOverhead, overhead.Value);
            measured.Add(MechanismInput.CallOverhead);
        }
        if (m.EffectiveBudget is { } budget)
        {
            s = UncalibratedBounds.With(s, MechanismInput.EffectiveBudget, budget.Value);
            measured.Add(MechanismInput.EffectiveBudget);
        }
        else if (m.BackloggedCalls is not null)
        {
            // Backlogged throughput was measured and did not fall short of the model: the budget is achieved in full.
            measured.Add(MechanismInput.EffectiveBudget);
        }
        if (m.RestartTime is { } restart)
        {
            s = UncalibratedBounds.With(s, MechanismInput.RestartTime, restart.Value);
            measured.Add(MechanismInput.RestartTime);
        }
        if (m.RebalanceTime is { } rebalance)
        {
            s = UncalibratedBounds.With(s, MechanismInput.RebalanceTime, rebalance.Value);
            measured.Add(MechanismInput.RebalanceTime);
        }
        if (m.RestartReplay is { } replay)
        {
            s = UncalibratedBounds.With(s, MechanismInput.RestartReplay, replay.Value);
            measured.Add(MechanismInput.RestartReplay);
        }
        return (s, measured);
    }
}
