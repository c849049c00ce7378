using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Testing;

/// <summary>
/// A minimal Kafka protocol client over TCP, built on our own codec, for tests that need to send exact
/// frames (specific versions, malformed bytes) that real clients never send.
/// </summary>
public sealed class RawKafkaClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private int _correlationId;

    private RawKafkaClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawKafkaClient> ConnectAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(host, port, cancellationToken);
        return new RawKafkaClient(tcp);
    }

    /// <summary>Sends a typed request and decodes its response at the same version.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, short version, CancellationToken cancellationToken = default)
        where TRequest : IKafkaRequest<TRequest, TResponse>
        where TResponse : IKafkaMessage<TResponse>
    {
        var header = new RequestHeader(TRequest.ApiKey, version, Interlocked.Increment(ref _correlationId), "laglab-tests");
        var output = new ArrayBufferWriter<byte>();
        Frame.WriteRequest(output, header, request);
        await _stream.WriteAsync(output.WrittenMemory, cancellationToken);
        var frame = await ReadFrameAsync(cancellationToken) ?? throw new IOException("Connection closed before the response.");
        return DecodeResponse<TResponse>(frame, header);
    }

    /// <summary>Sends bytes exactly as given (a whole frame including its size prefix, or garbage).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Reads one response frame (without the size prefix); null when the broker closed the connection.</summary>
    public async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        var prefix = new byte[4];
        if (!await ReadExactlyOrEndAsync(prefix, cancellationToken))
        {
            return null;
        }
        var size = BinaryPrimitives.ReadInt32BigEndian(prefix);
        var frame = new byte[size];
        return await ReadExactlyOrEndAsync(frame, cancellationToken) ? frame : null;
    }

    /// <summary>True when the broker closed the connection (read returns end of stream) within the timeout.</summary>
    public async Task<bool> IsClosedByPeerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var buffer = new byte[1];
            return await _stream.ReadAsync(buffer, cts.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static TResponse DecodeResponse<TResponse>(byte[] frame, RequestHeader header)
        where TResponse : IKafkaMessage<TResponse>
    {
        var reader = new KafkaReader(frame);
        var correlationId = reader.ReadInt32();
        if (correlationId != header.CorrelationId)
        {
            throw new InvalidDataException($"Correlation id {correlationId} does not match request {header.CorrelationId}.");
        }
        if (header.FlexibleResponseHeader)
        {
            reader.SkipTaggedFields();
        }
        return TResponse.Read(ref reader, header.ApiVersion);
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
