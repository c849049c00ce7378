using LagLab.Protocol;

namespace LagLab.Broker.Topics;

/// <summary>Outcome of a topic admin operation: an error code with a message that says what was wrong, or the topic.</summary>
internal readonly record struct TopicResult(ErrorCode Error, string? Message, Topic? Topic)
{
    public static TopicResult Ok(Topic? topic) => new(ErrorCode.None, null, topic);

    public static TopicResult Fail(ErrorCode error, string message) => new(error, message, null);
}
