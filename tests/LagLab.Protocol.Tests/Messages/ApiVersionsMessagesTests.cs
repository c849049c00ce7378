using System.Buffers;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Tests.Messages;

public sealed class ApiVersionsMessagesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Response_RoundTrips_AtEveryVersion(short version)
    {
        var response = new ApiVersionsResponse(ErrorCode.None, [new(0, 3, 8), new(18, 0, 3)], ThrottleTimeMs: version >= 1 ? 7 : 0);

        var output = new ArrayBufferWriter<byte>();
        var writer = new KafkaWriter(output);
        response.Write(ref writer, version);
        var reader = new KafkaReader(output.WrittenMemory);
        var decoded = ApiVersionsResponse.Read(ref reader, version);

        Assert.True(reader.End);
        Assert.Equal(response.ErrorCode, decoded.ErrorCode);
        Assert.Equal(response.ApiKeys, decoded.ApiKeys);
        Assert.Equal(response.ThrottleTimeMs, decoded.ThrottleTimeMs);
    }

    [Fact]
    public void Request_V3_RoundTripsSoftwareNameAndVersion()
    {
        var request = new ApiVersionsRequest("librdkafka", "2.16.0");
        var output = new ArrayBufferWriter<byte>();
        var writer = new KafkaWriter(output);
        request.Write(ref writer, 3);
        var reader = new KafkaReader(output.WrittenMemory);

        Assert.Equal(request, ApiVersionsRequest.Read(ref reader, 3));
    }
}
