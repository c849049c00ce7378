using LagLab.Protocol.Messages.ListGroups;
using static LagLab.Protocol.Tests.CodecAssert;

namespace LagLab.Protocol.Tests.Messages;

public sealed class ListGroupsMessagesTests
{
    public static TheoryData<short> AllVersions => Versions(ApiKey.ListGroups);

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Request_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var request = new ListGroupsRequest { StatesFilter = ["Stable", "PreparingRebalance"] };

        RoundTripsTo(request, version, version >= 4 ? request : new ListGroupsRequest());

        EveryPrefixThrows(request, version);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void Response_RoundTripsAndRejectsTruncation_AtEveryVersion(short version)
    {
        var response = new ListGroupsResponse(
            ErrorCode.CoordinatorLoadInProgress,
            [new("recon", "consumer", "Stable"), new("grüppe", "", "Empty")],
            ThrottleTimeMs: 1);

        var expected = response with
        {
            ThrottleTimeMs = version >= 1 ? response.ThrottleTimeMs : 0,
            Groups = version >= 4 ? response.Groups : [.. response.Groups.Select(g => g with { GroupState = "" })],
        };
        RoundTripsTo(response, version, expected);
        EveryPrefixThrows(response, version);
    }

    [Fact]
    public void Request_V2_IsEmpty_V3_IsOnlyTheTagBuffer()
    {
        var request = new ListGroupsRequest { StatesFilter = ["Stable"] };

        Assert.Empty(Encode(request, 2));
        Assert.Equal(Hex("00"), Convert.ToHexString(Encode(request, 3)));
    }

    [Fact]
    public void Request_V4_MatchesHandComputedFlexibleBytes()
    {
        // compact array of 1 (varint 1+1), compact string "Stable" (varint 6+1), empty tagged fields
        EncodesTo(new ListGroupsRequest { StatesFilter = ["Stable"] }, 4, "02 07 537461626c65 00");
    }

    [Fact]
    public void Response_V4_MatchesHandComputedFlexibleBytes()
    {
        var response = new ListGroupsResponse(ErrorCode.None, [new("g", "consumer", "Stable")]);

        // throttle 0, error 0, compact array of 1, compact "g", compact "consumer", compact "Stable",
        // the group's empty tags, the response's empty tags
        EncodesTo(response, 4, "00000000 0000 02 02 67 09 636f6e73756d6572 07 537461626c65 00 00");
    }

    [Fact]
    public void Response_V4_SkipsUnknownTaggedFields()
    {
        // as above with no groups, but the top-level tag section carries tag 5 with 2 bytes (0xbeef)
        var bytes = Convert.FromHexString(Hex("00000000 0000 01 01 05 02 beef"));

        var response = Decode<ListGroupsResponse>(bytes, 4);

        Equivalent(new ListGroupsResponse(ErrorCode.None, []), response);
    }
}
