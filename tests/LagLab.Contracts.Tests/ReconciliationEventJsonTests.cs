using System.Text;
using LagLab.Contracts;

namespace LagLab.Contracts.Tests;

public sealed class ReconciliationEventJsonTests
{
    private static readonly ReconciliationEvent Sample = new()
    {
        EventId = "evt-1",
        Account = "acct-7",
        Sequence = 42,
        Amount = -1234.56m,
        Currency = "EUR",
        ProducedAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero),
    };

    [Fact]
    public void Serialize_ThenTryParse_KeepsEveryField()
    {
        var ok = ReconciliationEventJson.TryParse(ReconciliationEventJson.Serialize(Sample), out var parsed, out var error);

        Assert.True(ok, error);
        Assert.Equal(Sample, parsed);
    }

    [Fact]
    public void Serialize_Always_UsesTheDocumentedCamelCaseFields()
    {
        var json = Encoding.UTF8.GetString(ReconciliationEventJson.Serialize(Sample));

        Assert.Equal(
            """{"eventId":"evt-1","account":"acct-7","sequence":42,"amount":-1234.56,"currency":"EUR","producedAt":"2025-03-04T05:06:07.89+00:00"}""",
            json);
    }

    [Theory]
    [InlineData("""{"eventId":"e","account":"a","amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "sequence")]
    [InlineData("""{"eventId":"e","account":"a","sequence":1,"amount":1,"currency":"EUR"}""", "producedAt")]
    [InlineData("""{"eventId":"e","account":"a","sequence":1,"amount":"1","currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "amount")]
    [InlineData("""{"eventId":"e","account":"a","sequence":0,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "sequence")]
    [InlineData("""{"eventId":"e","account":"a","sequence":1,"amount":1,"currency":"eur","producedAt":"2025-01-01T00:00:00Z"}""", "currency")]
    [InlineData("""{"eventId":" ","account":"a","sequence":1,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "eventId")]
    [InlineData("""{"eventId":"e","account":"","sequence":1,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z"}""", "account")]
    public void TryParse_BadField_ReasonNamesTheField(string json, string field)
    {
        var ok = ReconciliationEventJson.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error);

        Assert.False(ok);
        Assert.Null(parsed);
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("null", "null")]
    [InlineData("{\"eventId\":", "invalid JSON")]
    [InlineData("[1,2]", "invalid JSON")]
    public void TryParse_NotAnEvent_SaysWhy(string json, string expected)
    {
        var ok = ReconciliationEventJson.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownField_IsIgnored()
    {
        var json = """{"eventId":"e","account":"a","sequence":1,"amount":1,"currency":"EUR","producedAt":"2025-01-01T00:00:00Z","note":"x"}""";

        Assert.True(ReconciliationEventJson.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out _));
        Assert.Equal("e", parsed.EventId);
    }

    [Fact]
    public void Validate_IdAtAndOverTheLimit_AcceptsThenRejects()
    {
        var atLimit = Sample with { EventId = new string('x', ReconciliationEvent.MaxIdLength) };
        var overLimit = Sample with { EventId = new string('x', ReconciliationEvent.MaxIdLength + 1) };

        Assert.Null(atLimit.Validate());
        Assert.Contains("eventId", overLimit.Validate(), StringComparison.Ordinal);
    }
}
