using LagLab.Protocol;

namespace LagLab.Broker.Producers;

/// <summary>The verdict on a batch before it is appended: append it, acknowledge it as a duplicate, or reject it.</summary>
internal readonly record struct ProducerCheck(ProducerCheckOutcome Outcome, ErrorCode Error = ErrorCode.None, long DuplicateBaseOffset = -1, string? Message = null)
{
    public static ProducerCheck Append { get; } = new(ProducerCheckOutcome.Append);

    public static ProducerCheck Duplicate(long baseOffset) => new(ProducerCheckOutcome.Duplicate, DuplicateBaseOffset: baseOffset);

    public static ProducerCheck Reject(ErrorCode error, string message) => new(ProducerCheckOutcome.Reject, error, Message: message);
}
