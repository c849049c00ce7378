namespace LagLab.LoadTest.Timeline;

/// <summary>What the timeline can do to a running scenario; implemented over the real parts.</summary>
internal interface IRunControls
{
    Task RollingDeployAsync(CancellationToken cancellationToken);

    Task KillAsync(int instance, TimeSpan? restartAfter, CancellationToken cancellationToken);

    Task ScaleAsync(int instances, CancellationToken cancellationToken);

    Task AddPartitionsAsync(int partitions, CancellationToken cancellationToken);

    Task PauseBrokerAsync(TimeSpan length, CancellationToken cancellationToken);

    Task RestartBrokerAsync(TimeSpan down, CancellationToken cancellationToken);

    Task BankOutageAsync(TimeSpan length, CancellationToken cancellationToken);
}
