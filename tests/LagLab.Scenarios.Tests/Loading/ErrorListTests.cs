using System.Text;

namespace LagLab.Scenarios.Tests.Loading;

/// <summary>
/// Regression: a scenario of 5 MB of unknown keys produced 193,414 errors and 648 MB of memory. The loader keeps the first
/// thousand, counts the rest, and the message lists fifty then "... and N more"; files above 1 MiB are refused unread.
/// </summary>
public sealed class ErrorListTests
{
    [Fact]
    public void Parse_ThousandsOfUnknownKeys_KeepsAThousandCountsAllListsFifty()
    {
        var yaml = new StringBuilder(ScenarioYaml.Minimal).Append('\n');
        for (var i = 0; i < 3000; i++)
        {
            yaml.Append("unknown_").Append(i).Append(": 1\n");
        }

        var ex = Assert.Throws<ScenarioException>(() => ScenarioYaml.Parse(yaml.ToString()));

        Assert.Equal(3000, ex.Total);
        Assert.Equal(1000, ex.Errors.Count);
        var lines = ex.Message.Split(Environment.NewLine);
        Assert.Equal("3000 errors in test.yaml:", lines[0]);
        Assert.Equal(52, lines.Length);
        Assert.Equal("  ... and 2950 more", lines[^1]);
    }

    [Theory]
    [InlineData(BoundedFile.MaxScenarioBytes, true)]
    [InlineData(BoundedFile.MaxScenarioBytes + 1, false)]
    public void Load_FileAroundTheBound_RefusedOnlyAbove(int size, bool read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"laglab-bound-{Guid.NewGuid():N}.yaml");
        try
        {
            // A comment line as long as needed: valid YAML, so only the size decides.
            var head = ScenarioYaml.Minimal + "\n#";
            File.WriteAllText(path, head + new string('x', size - Encoding.UTF8.GetByteCount(head)));

            if (read)
            {
                Assert.Equal(100, ScenarioLoader.Load(path).Producer.Rate.Peak);
                return;
            }
            var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
            Assert.Contains("larger than 1 MiB", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
