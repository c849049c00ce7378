using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Tests.Processes;

public sealed class ProcessUsageTests
{
    [Fact]
    public void ParseCpuSeconds_CommandWithSpacesAndParens_ReadsUtimePlusStime()
    {
        const string stat = "1234 (dotnet (x) y) S 1 1234 1234 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 12 0 100 1000 200";

        Assert.Equal(3.0, ProcessUsage.ParseCpuSeconds(stat));
    }

    [Fact]
    public void ParseRssBytes_VmRssLine_IsKilobytesTimes1024() =>
        Assert.Equal(2048L * 1024, ProcessUsage.ParseRssBytes(["Name:\tdotnet", "VmRSS:\t    2048 kB", "Threads: 9"]));

    [Fact]
    public void Read_ThisProcess_HasCpuAndMemory()
    {
        var usage = ProcessUsage.Read(Environment.ProcessId);

        Assert.NotNull(usage);
        Assert.True(usage.Value.RssBytes > 1024 * 1024);
        Assert.True(usage.Value.CpuSeconds > 0);
    }

    [Fact]
    public void Read_NoSuchProcess_IsNull() => Assert.Null(ProcessUsage.Read(int.MaxValue));
}
