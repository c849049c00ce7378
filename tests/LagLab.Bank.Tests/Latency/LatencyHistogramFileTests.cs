using LagLab.Bank.Latency;

namespace LagLab.Bank.Tests.Latency;

public sealed class LatencyHistogramFileTests
{
    [Fact]
    public void Parse_CommentsBlanksAndSeparators_BucketsSpanFromThePreviousBound()
    {
        string[] lines = ["# measured in prod", "", "5ms 10", "20ms,30   # most", "1.5s\t2"];

        var buckets = LatencyHistogramFile.Parse(lines, "h.txt");

        Assert.Equal(
            [
                new HistogramBucket(TimeSpan.Zero, TimeSpan.FromMilliseconds(5), 10),
                new HistogramBucket(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), 30),
                new HistogramBucket(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(1500), 2),
            ],
            buckets);
    }

    [Theory]
    [InlineData(new[] { "10ms 1", "10ms 1" }, "h.txt:2: UPPER 10ms must be greater than 10ms on line 1")]
    [InlineData(new[] { "", "20ms 1", "# c", "5ms 1" }, "h.txt:4: UPPER 5ms must be greater than 20ms on line 2")]
    [InlineData(new[] { "0 1" }, "h.txt:1: UPPER 0 must be greater than 0")]
    [InlineData(new[] { "10 1" }, "h.txt:1: UPPER '10' is not a duration")]
    [InlineData(new[] { "10ms -3" }, "h.txt:1: WEIGHT must be a non-negative number, got '-3'")]
    [InlineData(new[] { "10ms lots" }, "h.txt:1: WEIGHT must be a non-negative number, got 'lots'")]
    [InlineData(new[] { "10ms 1", "20ms" }, "h.txt:2: expected 'UPPER WEIGHT'")]
    [InlineData(new[] { "10ms 1 2" }, "h.txt:1: expected 'UPPER WEIGHT'")]
    [InlineData(new[] { "# only comments", "" }, "h.txt: no buckets")]
    [InlineData(new[] { "10ms 0", "20ms 0" }, "h.txt: every WEIGHT is 0")]
    public void Parse_BadFile_ErrorNamesFileAndLine(string[] lines, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LatencyHistogramFile.Parse(lines, "h.txt"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotReadIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"laglab-missing-{Guid.NewGuid():N}.txt");

        var error = Assert.Throws<FormatException>(() => LatencyHistogramFile.Load(path));

        Assert.StartsWith($"{path}: cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["10ms 1", "20ms 3"]);

            Assert.Equal(2, LatencyHistogramFile.Load(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
