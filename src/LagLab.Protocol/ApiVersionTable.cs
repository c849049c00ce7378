using System.Collections.Frozen;

namespace LagLab.Protocol;

/// <summary>
/// Every API and version range the codec implements (kafka-protocol-notes.md, section 1), with the
/// version from which each API is flexible in Apache Kafka's message specs.
/// </summary>
public static class ApiVersionTable
{
    /// <summary>Means "no flexible version in the range we speak".</summary>
    private const short Never = short.MaxValue;

    public static IReadOnlyList<ApiVersionRange> All { get; } =
    [
        new(ApiKey.Produce, 3, 8, 9),
        new(ApiKey.Fetch, 0, 11, 12),
        new(ApiKey.ListOffsets, 0, 5, 6),
        new(ApiKey.Metadata, 0, 8, 9),
        new(ApiKey.OffsetCommit, 0, 7, 8),
        new(ApiKey.OffsetFetch, 0, 5, 6),
        new(ApiKey.FindCoordinator, 0, 2, 3),
        new(ApiKey.JoinGroup, 0, 5, 6),
        new(ApiKey.Heartbeat, 0, 3, 4),
        new(ApiKey.LeaveGroup, 0, 3, 4),
        new(ApiKey.SyncGroup, 0, 3, 4),
        new(ApiKey.DescribeGroups, 0, 4, 5),
        new(ApiKey.ListGroups, 0, 4, 3),
        new(ApiKey.ApiVersions, 0, 3, 3),
        new(ApiKey.CreateTopics, 0, 4, 5),
        new(ApiKey.DeleteTopics, 0, 3, 4),
        new(ApiKey.InitProducerId, 0, 1, 2),
        new(ApiKey.OffsetForLeaderEpoch, 2, 3, 4),
        new(ApiKey.DescribeConfigs, 0, 1, 4),
        new(ApiKey.CreatePartitions, 0, 1, 2),
        new(ApiKey.DeleteGroups, 0, 1, 2),
        new(ApiKey.OffsetDelete, 0, 0, Never),
    ];

    private static readonly FrozenDictionary<ApiKey, ApiVersionRange> ByKey = All.ToFrozenDictionary(r => r.ApiKey);

    public static bool TryGet(ApiKey apiKey, out ApiVersionRange range) => ByKey.TryGetValue(apiKey, out range);

    public static ApiVersionRange Get(ApiKey apiKey) =>
        ByKey.TryGetValue(apiKey, out var range) ? range : throw new ArgumentOutOfRangeException(nameof(apiKey), apiKey, "Unknown API key.");

    public static bool IsFlexible(ApiKey apiKey, short version) => TryGet(apiKey, out var range) && range.IsFlexible(version);
}
