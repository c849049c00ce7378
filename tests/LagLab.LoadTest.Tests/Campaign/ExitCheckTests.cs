using System.Text.Json;
using LagLab.LoadTest.Campaign;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>Invariant (a) is never passed by default: without the harness's count of unexpected exits it is not measured.</summary>
public sealed class ExitCheckTests
{
    private static readonly LoadTestOutcome Finished = new(LoadTestOutcome.SloViolated, "report.html", [], null);

    [Fact]
    public void Judge_ResultsWithoutTheField_IsNotMeasured()
    {
        var result = ExitCheck.Judge(Finished, Json("""{ "scenario": "x", "totals": { "lost": 0 } }"""));

        Assert.Equal(InvariantStatus.NotMeasured, result.Status);
    }

    [Theory]
    [InlineData("""{ "unexpectedExits": 0 }""", InvariantStatus.Pass)]
    [InlineData("""{ "totals": { "unexpectedExits": 0 } }""", InvariantStatus.Pass)]
    [InlineData("""{ "unexpectedExits": [] }""", InvariantStatus.Pass)]
    [InlineData("""{ "unexpectedExits": 2 }""", InvariantStatus.Fail)]
    [InlineData("""{ "totals": { "unexpectedExits": [ { "part": "pipeline-1", "code": 134 } ] } }""", InvariantStatus.Fail)]
    [InlineData("""{ "unexpectedExits": { "count": 1 } }""", InvariantStatus.Fail)]
    [InlineData("""{ "unexpectedExits": "none" }""", InvariantStatus.NotMeasured)]
    public void Judge_RecordedCount_PassesOnlyAtZero(string json, InvariantStatus expected)
    {
        Assert.Equal(expected, ExitCheck.Judge(Finished, Json(json)).Status);
    }

    [Fact]
    public void Judge_RunThatCouldNotFinish_FailsWithItsError()
    {
        var result = ExitCheck.Judge(new LoadTestOutcome(LoadTestOutcome.Failed, null, [], "pipeline-0 exited with code 134 at start"), null);

        Assert.Equal(InvariantStatus.Fail, result.Status);
        Assert.Contains("134", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HarnessThatDied_FailsEvenWithResultsFromBefore()
    {
        // SIGABRT from librdkafka inside the harness: 134, not one of loadtest's own exit codes.
        var result = ExitCheck.Judge(new LoadTestOutcome(134, null, [], "laglab loadtest exited with code 134: rd_kafka_enq_once_del_source_return"), Json("{ \"unexpectedExits\": 0 }"));

        Assert.Equal(InvariantStatus.Fail, result.Status);
        Assert.Contains("134", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoResults_Fails()
    {
        Assert.Equal(InvariantStatus.Fail, ExitCheck.Judge(Finished, null).Status);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
