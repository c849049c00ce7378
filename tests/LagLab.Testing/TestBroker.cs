using LagLab.Broker;

namespace LagLab.Testing;

/// <summary>Starts an in-memory broker on a free loopback port, the way our users' tests would.</summary>
public static class TestBroker
{
    public static Task<KafkaBroker> StartAsync(Action<BrokerOptions>? configure = null)
    {
        var options = new BrokerOptions { Port = 0, DataDirectory = null };
        configure?.Invoke(options);
        return KafkaBroker.StartAsync(options);
    }
}
