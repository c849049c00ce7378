namespace LagLab.Protocol.Messages;

/// <summary>Transaction visibility requested by Fetch (v4+) and ListOffsets (v2+); an int8 on the wire.</summary>
public enum IsolationLevel : sbyte
{
    ReadUncommitted = 0,
    ReadCommitted = 1,
}
