using System.Buffers;
using System.Buffers.Binary;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol;

/// <summary>Size-prefixed framing: every Kafka request and response is an int32 length, then that many bytes.</summary>
public static class Frame
{
    /// <summary>Kafka's socket.request.max.bytes default (100 MiB).</summary>
    public const int DefaultMaxRequestSize = 104_857_600;

    public const int SizePrefixLength = 4;

    /// <summary>Writes a whole request frame (size, header, body).</summary>
    public static void WriteRequest(ArrayBufferWriter<byte> output, RequestHeader header, IKafkaMessage body)
    {
        var start = output.WrittenCount;
        var writer = new KafkaWriter(output);
        writer.WriteInt32(0);
        header.Write(ref writer);
        body.Write(ref writer, header.ApiVersion);
        PatchSize(output, start);
    }

    /// <summary>Writes a whole response frame: size, correlation id, tagged fields for header v1, body.</summary>
    public static void WriteResponse(ArrayBufferWriter<byte> output, RequestHeader request, IKafkaMessage body)
    {
        var start = output.WrittenCount;
        var writer = new KafkaWriter(output);
        writer.WriteInt32(0);
        writer.WriteInt32(request.CorrelationId);
        if (request.FlexibleResponseHeader)
        {
            writer.WriteEmptyTaggedFields();
        }
        body.Write(ref writer, request.ApiVersion);
        PatchSize(output, start);
    }

    private static void PatchSize(ArrayBufferWriter<byte> output, int start)
    {
        var size = output.WrittenCount - start - SizePrefixLength;
        // ArrayBufferWriter's written memory is contiguous, so the placeholder can be patched in place.
        var written = System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory);
        BinaryPrimitives.WriteInt32BigEndian(written.Span.Slice(start, SizePrefixLength), size);
    }
}
