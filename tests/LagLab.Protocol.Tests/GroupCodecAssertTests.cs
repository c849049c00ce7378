using LagLab.Protocol.Messages.JoinGroup;
using Xunit.Sdk;

namespace LagLab.Protocol.Tests;

/// <summary>The helper must catch the differences record equality would hide or misreport.</summary>
public sealed class GroupCodecAssertTests
{
    private static JoinGroupResponse Response(byte metadata, string memberId = "m") =>
        new(ErrorCode.None, 1, "range", "m", "m", [new JoinGroupResponse.Member(memberId, new byte[] { metadata })]);

    [Fact]
    public void StructurallyEqual_EqualContentInDistinctLists_Passes()
    {
        GroupCodecAssert.StructurallyEqual(Response(1), Response(1));
    }

    [Fact]
    public void StructurallyEqual_DifferentNestedBytes_FailsNamingThePath()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => GroupCodecAssert.StructurallyEqual(Response(1), Response(2)));

        Assert.Contains("message.Members[0].Metadata", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructurallyEqual_DifferentNestedString_Fails()
    {
        Assert.ThrowsAny<XunitException>(() => GroupCodecAssert.StructurallyEqual(Response(1, "a"), Response(1, "b")));
    }

    [Fact]
    public void StructurallyEqual_NullAgainstEmptyString_Fails()
    {
        var left = new JoinGroupResponse.Member("m", ReadOnlyMemory<byte>.Empty, GroupInstanceId: null);
        var right = left with { GroupInstanceId = "" };

        Assert.ThrowsAny<XunitException>(() => GroupCodecAssert.StructurallyEqual(left, right));
    }
}
