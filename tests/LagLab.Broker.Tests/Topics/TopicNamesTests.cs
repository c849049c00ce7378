using LagLab.Broker.Topics;

namespace LagLab.Broker.Tests.Topics;

public sealed class TopicNamesTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("a.b_c-D9")]
    [InlineData("__consumer_offsets")]
    [InlineData("...")]
    public void Validate_LegalName_IsNull(string name)
    {
        Assert.Null(TopicNames.Validate(name));
    }

    [Fact]
    public void Validate_MaxLength_IsLegalAndOneMoreIsNot()
    {
        Assert.Null(TopicNames.Validate(new string('a', 249)));
        Assert.Contains("249", TopicNames.Validate(new string('a', 250)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("with space")]
    [InlineData("slash/no")]
    [InlineData("ümlaut")]
    public void Validate_IllegalName_GivesReason(string name)
    {
        Assert.NotNull(TopicNames.Validate(name));
    }
}
