namespace LagLab.Broker.Groups;

/// <summary>One protocol a member supports (for consumers, an assignor name) with its opaque metadata (the subscription).</summary>
internal sealed record MemberProtocol(string Name, ReadOnlyMemory<byte> Metadata);
