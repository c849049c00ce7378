using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using LagLab.Broker.Handlers;
using LagLab.Broker.Logging;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Protocol.Primitives;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Network;

/// <summary>
/// One client socket. Requests are read as size-prefixed frames and handled strictly one at a time,
/// so responses leave in request order (as Kafka does: a parked Fetch or JoinGroup holds its connection).
/// A malformed frame closes this connection only.
/// </summary>
internal sealed class ClientConnection(
    long id,
    Socket socket,
    RequestDispatcher dispatcher,
    RequestMemoryBudget budget,
    BrokerOptions options,
    BrokerMetrics metrics,
    ILogger logger)
{
    /// <summary>
    /// Response buffers above this size are dropped after use instead of kept for the connection's life.
    /// Large enough for a consumer's usual fetch (a few MiB): regrowing the buffer on every response cost
    /// half the consume throughput.
    /// </summary>
    private const int RetainedBufferLimit = 8 * 1024 * 1024;

    /// <summary>
    /// Request frames up to this size come from the shared array pool; larger ones are allocated and left to
    /// the GC, so a burst of huge requests does not stay in the pool for the life of the process.
    /// </summary>
    private const int PooledFrameLimit = 1024 * 1024;

    /// <summary>Bytes of <c>budget</c> this connection holds for the request being read or handled.</summary>
    private long _reserved;

    private readonly EndPoint? _remote = socket.RemoteEndPoint;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        BrokerLog.ConnectionOpened(logger, id, _remote);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var frame = await ReadFrameAsync(reader, cancellationToken);
                if (frame is null)
                {
                    return;
                }
                try
                {
                    if (!await ProcessAsync(frame.Value, output, cancellationToken))
                    {
                        return;
                    }
                }
                finally
                {
                    if (frame.Value.Array!.Length <= PooledFrameLimit)
                    {
                        ArrayPool<byte>.Shared.Return(frame.Value.Array);
                    }
                    ReleaseReservation();
                }
                if (output.WrittenCount > 0)
                {
                    await stream.WriteAsync(output.WrittenMemory, cancellationToken);
                    metrics.BytesSent(output.WrittenCount);
                    output = output.Capacity > RetainedBufferLimit ? new ArrayBufferWriter<byte>(64 * 1024) : Reset(output);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The peer went away mid-read or mid-write: nothing to answer.
        }
        catch (SocketException)
        {
        }
        finally
        {
            ReleaseReservation();
            await reader.CompleteAsync();
            BrokerLog.ConnectionClosed(logger, id);
        }
    }

    private void ReleaseReservation()
    {
        if (_reserved > 0)
        {
            budget.Release(_reserved);
            _reserved = 0;
        }
    }

    private static ArrayBufferWriter<byte> Reset(ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        return output;
    }

    /// <summary>Reads one whole frame into a pooled array; null at end of stream or when the size prefix is refused.</summary>
    private async ValueTask<ArraySegment<byte>?> ReadFrameAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= Frame.SizePrefixLength)
            {
                var size = ReadSizePrefix(buffer);
                // Checked before anything is buffered: a hostile size never allocates.
                if (size < 0 || size > options.MaxRequestSize)
                {
                    BrokerLog.RequestTooLarge(logger, id, _remote, size, options.MaxRequestSize);
                    metrics.MalformedRequest();
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    return null;
                }
                if (_reserved == 0)
                {
                    // Before the body is read: past the budget this connection is not read until others finish.
                    await budget.ReserveAsync(Frame.SizePrefixLength + size, cancellationToken);
                    _reserved = Frame.SizePrefixLength + size;
                }
                if (buffer.Length >= Frame.SizePrefixLength + size)
                {
                    var array = size <= PooledFrameLimit ? ArrayPool<byte>.Shared.Rent(Math.Max(size, 1)) : GC.AllocateUninitializedArray<byte>(size);
                    buffer.Slice(Frame.SizePrefixLength, size).CopyTo(array);
                    reader.AdvanceTo(buffer.GetPosition(Frame.SizePrefixLength + size));
                    metrics.BytesReceived(Frame.SizePrefixLength + size);
                    return new ArraySegment<byte>(array, 0, size);
                }
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static int ReadSizePrefix(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[Frame.SizePrefixLength];
        buffer.Slice(0, Frame.SizePrefixLength).CopyTo(prefix);
        return BinaryPrimitives.ReadInt32BigEndian(prefix);
    }

    /// <summary>Handles one frame; false closes the connection.</summary>
    private async ValueTask<bool> ProcessAsync(ArraySegment<byte> frame, ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        RequestHeader header;
        ReadOnlyMemory<byte> body;
        try
        {
            var reader = new KafkaReader(frame);
            header = RequestHeader.Read(ref reader, out _);
            body = frame.AsMemory(reader.Position);
        }
        catch (KafkaProtocolException ex)
        {
            BrokerLog.MalformedRequest(logger, id, _remote, ex.Message);
            metrics.MalformedRequest();
            return false;
        }

        if (!dispatcher.TryGetHandler(header, out var handler))
        {
            if (header.ApiKey == ApiKey.ApiVersions)
            {
                // Kafka answers an unknown ApiVersions version with a v0 body, so any client can parse it and retry lower.
                var fallback = ApiVersionsHandler.Build(dispatcher.Advertised, ErrorCode.UnsupportedVersion);
                Frame.WriteResponse(output, header with { ApiVersion = 0 }, fallback);
                return true;
            }
            BrokerLog.UnsupportedApi(logger, id, (short)header.ApiKey, header.ApiVersion);
            return false;
        }

        IKafkaMessage? response;
        try
        {
            response = await handler.HandleAsync(new RequestContext(header, id, _remote), body, cancellationToken);
        }
        catch (KafkaProtocolException ex)
        {
            BrokerLog.MalformedRequest(logger, id, _remote, $"{header.ApiKey} v{header.ApiVersion}: {ex.Message}");
            metrics.MalformedRequest();
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BrokerLog.HandlerFailed(logger, ex, id, header.ApiKey.ToString());
            return false;
        }
        metrics.RequestHandled(header.ApiKey);
        if (response is not null)
        {
            Frame.WriteResponse(output, header, response);
        }
        return true;
    }
}
