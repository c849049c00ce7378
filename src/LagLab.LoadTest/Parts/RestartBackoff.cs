namespace LagLab.LoadTest.Parts;

/// <summary>
/// The wait before a crashed instance is started again (<c>restart_policy: on-failure</c>), as Kubernetes' CrashLoopBackOff
/// computes it: <c>first</c>, doubled with each crash in a row, capped at <c>max</c>; an instance that ran twice the
/// cap without crashing (Kubernetes: 10 minutes for its 5-minute cap) starts again from <c>first</c>.
/// </summary>
internal sealed class RestartBackoff(TimeSpan first, TimeSpan max)
{
    /// <summary>Crashes in a row so far (the one being handled included, after <see cref="Next"/>).</summary>
    public int CrashesInARow { get; private set; }

    /// <summary>The wait before the next start, after a crash of a process that had run for <paramref name="ranFor"/>.</summary>
    public TimeSpan Next(TimeSpan ranFor)
    {
        if (ranFor >= max * 2)
        {
            CrashesInARow = 0;
        }
        CrashesInARow++;
        // Doubling in floating point so a long crash loop cannot overflow before the cap applies.
        var seconds = first.TotalSeconds * Math.Pow(2, Math.Min(CrashesInARow - 1, 62));
        return seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
    }
}
