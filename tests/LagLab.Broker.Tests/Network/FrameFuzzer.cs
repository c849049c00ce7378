using System.Buffers;
using System.Buffers.Binary;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Protocol.Messages.CreateTopics;
using LagLab.Protocol.Messages.Fetch;
using LagLab.Protocol.Messages.FindCoordinator;
using LagLab.Protocol.Messages.Heartbeat;
using LagLab.Protocol.Messages.JoinGroup;
using LagLab.Protocol.Messages.ListOffsets;
using LagLab.Protocol.Messages.Metadata;
using LagLab.Protocol.Messages.OffsetCommit;
using LagLab.Protocol.Messages.Produce;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Tests.Network;

/// <summary>
/// Makes random and mutated request frames from valid seeds (one per API family): bit flips, truncations
/// with a consistent size prefix, random tails, random header fields, pure noise.
/// </summary>
internal sealed class FrameFuzzer(int seed)
{
    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<byte[]> _seeds = BuildSeeds();

    /// <summary>True when the frame's size prefix was mutated: the connection may be desynchronised after it.</summary>
    public byte[] Next(out bool sizeMutated)
    {
        sizeMutated = false;
        var frame = (byte[])_seeds[_random.Next(_seeds.Count)].Clone();
        switch (_random.Next(7))
        {
            case 0:
                return frame; // valid: keeps the connection doing real work between the hostile frames
            case 1:
                FlipBytes(frame, 1 + _random.Next(8));
                return frame;
            case 2:
                return Resize(frame, 4 + _random.Next(Math.Max(1, frame.Length - 4)));
            case 3:
                var longer = Resize(frame, frame.Length + 1 + _random.Next(64));
                _random.NextBytes(longer.AsSpan(frame.Length));
                return longer;
            case 4:
                // Random API key and version in an otherwise valid frame.
                BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(4), (short)_random.Next(-2, 80));
                BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(6), (short)_random.Next(-2, 20));
                return frame;
            case 5:
                var noise = new byte[4 + _random.Next(256)];
                _random.NextBytes(noise);
                BinaryPrimitives.WriteInt32BigEndian(noise, noise.Length - 4);
                return noise;
            default:
                sizeMutated = true;
                BinaryPrimitives.WriteInt32BigEndian(frame, _random.Next(2) == 0 ? _random.Next() : -_random.Next(1, 100));
                return frame;
        }
    }

    private void FlipBytes(byte[] frame, int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Never the size prefix: that is case 6's job.
            var position = 4 + _random.Next(frame.Length - 4);
            frame[position] ^= (byte)(1 + _random.Next(255));
        }
    }

    /// <summary>The frame cut or extended to <paramref name="length"/> bytes, with its size prefix kept consistent.</summary>
    private static byte[] Resize(byte[] frame, int length)
    {
        var resized = new byte[length];
        frame.AsSpan(0, Math.Min(length, frame.Length)).CopyTo(resized);
        BinaryPrimitives.WriteInt32BigEndian(resized, length - 4);
        return resized;
    }

    private static IReadOnlyList<byte[]> BuildSeeds()
    {
        var batch = new RecordBatchBuilder().Add("key", "value", 1_700_000_000_000).Add(null, "v2", 1_700_000_000_001).Build();
        var seeds = new List<byte[]>
        {
            Encode(new ApiVersionsRequest(), 0),
            Encode(new ApiVersionsRequest("fuzz", "1.0"), 3),
            Encode(new MetadataRequest(["fuzz"]), 1),
            Encode(new MetadataRequest(null), 8),
            Encode(new ProduceRequest(null, 1, 1000, [new ProduceRequest.Topic("fuzz", [new ProduceRequest.Partition(0, batch)])]), 3),
            Encode(new ProduceRequest(null, -1, 1000, [new ProduceRequest.Topic("fuzz", [new ProduceRequest.Partition(0, batch)])]), 8),
            Encode(new FetchRequest(-1, 10, 1, [new FetchRequest.Topic("fuzz", [new FetchRequest.Partition(0, 0, 65536)])]), 4),
            Encode(new FetchRequest(-1, 10, 1, [new FetchRequest.Topic("fuzz", [new FetchRequest.Partition(0, 0, 65536)])], MaxBytes: 1 << 20), 11),
            Encode(new ListOffsetsRequest(-1, [new ListOffsetsRequest.Topic("fuzz", [new ListOffsetsRequest.Partition(0, -1)])]), 1),
            Encode(new CreateTopicsRequest([new CreateTopicsRequest.Topic("fuzz-created", 2, 1, [], [new CreateTopicsRequest.Config("retention.ms", "60000")])], 1000), 2),
            Encode(new FindCoordinatorRequest("fuzz-group"), 0),
            Encode(new JoinGroupRequest("fuzz-group", 10_000, "", "consumer", [new JoinGroupRequest.Protocol("range", new byte[] { 0, 0, 0, 0, 0, 1, 0, 4, 102, 117, 122, 122, 255, 255, 255, 255 })], 10_000), 4),
            Encode(new HeartbeatRequest("fuzz-group", 1, "member"), 1),
            Encode(new OffsetCommitRequest("fuzz-group", [new OffsetCommitRequest.Topic("fuzz", [new OffsetCommitRequest.Partition(0, 1, null)])]), 2),
        };
        return seeds;
    }

    private static byte[] Encode<TRequest>(TRequest request, short version)
        where TRequest : IKafkaMessage
    {
        var apiKey = request switch
        {
            ApiVersionsRequest => ApiKey.ApiVersions,
            MetadataRequest => ApiKey.Metadata,
            ProduceRequest => ApiKey.Produce,
            FetchRequest => ApiKey.Fetch,
            ListOffsetsRequest => ApiKey.ListOffsets,
            CreateTopicsRequest => ApiKey.CreateTopics,
            FindCoordinatorRequest => ApiKey.FindCoordinator,
            JoinGroupRequest => ApiKey.JoinGroup,
            HeartbeatRequest => ApiKey.Heartbeat,
            OffsetCommitRequest => ApiKey.OffsetCommit,
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        var output = new ArrayBufferWriter<byte>();
        Frame.WriteRequest(output, new RequestHeader(apiKey, version, 1, "fuzzer"), request);
        return output.WrittenSpan.ToArray();
    }
}
