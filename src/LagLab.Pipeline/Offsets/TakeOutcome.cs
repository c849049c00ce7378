namespace LagLab.Pipeline.Offsets;

/// <summary>What <see cref="PartitionCommitTracker.Take"/> made of a record's offset.</summary>
internal enum TakeOutcome
{
    /// <summary>Past every offset taken so far: new work.</summary>
    Taken,

    /// <summary>
    /// Delivered again and already final (applied, spooled or dead-lettered), behind the committable point, committed
    /// before this lease began, or never a record the client delivered (a gap): nothing to do.
    /// </summary>
    SkippedFinal,

    /// <summary>Delivered again while its first delivery is still queued or running: that one will complete it.</summary>
    SkippedInFlight,

    /// <summary>Delivered again after its work was released without an outcome: it is work again.</summary>
    Retaken,
}
