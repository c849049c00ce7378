using LagLab.Protocol.Primitives;

namespace LagLab.Protocol;

/// <summary>A request or response body that knows how to write itself at a given version.</summary>
public interface IKafkaMessage
{
    void Write(ref KafkaWriter writer, short version);
}

/// <summary>A body that can also be read back, at any version of its range.</summary>
public interface IKafkaMessage<TSelf> : IKafkaMessage
    where TSelf : IKafkaMessage<TSelf>
{
    static abstract TSelf Read(ref KafkaReader reader, short version);
}

/// <summary>A request body, tied to its API key and its response type.</summary>
public interface IKafkaRequest<TSelf, TResponse> : IKafkaMessage<TSelf>
    where TSelf : IKafkaRequest<TSelf, TResponse>
    where TResponse : IKafkaMessage<TResponse>
{
    static abstract ApiKey ApiKey { get; }
}
