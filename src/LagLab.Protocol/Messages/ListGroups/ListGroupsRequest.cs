using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.ListGroups;

/// <summary>
/// ListGroups request (key 16), versions 0-4. Empty body before v3; v3+ is flexible (tagged fields);
/// v4 adds states_filter (KIP-518), where an empty filter lists groups in every state.
/// </summary>
public sealed record ListGroupsRequest : IKafkaRequest<ListGroupsRequest, ListGroupsResponse>
{
    /// <summary>Group states to list (v4 only; empty means all).</summary>
    public IReadOnlyList<string> StatesFilter { get; init; } = [];

    public static ApiKey ApiKey => ApiKey.ListGroups;

    public static ListGroupsRequest Read(ref KafkaReader reader, short version)
    {
        if (version < 3)
        {
            return new ListGroupsRequest();
        }
        string[] states = version >= 4 ? reader.ReadStringArray(compact: true) : [];
        reader.SkipTaggedFields();
        return new ListGroupsRequest { StatesFilter = states };
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        if (version < 3)
        {
            return;
        }
        if (version >= 4)
        {
            writer.WriteStringArray(StatesFilter, compact: true);
        }
        writer.WriteEmptyTaggedFields();
    }
}
