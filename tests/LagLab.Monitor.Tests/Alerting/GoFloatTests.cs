using LagLab.Monitor.Alerting;

namespace LagLab.Monitor.Tests.Alerting;

public sealed class GoFloatTests
{
    // Expected strings are what promtool 2.42 rendered for {{ $value }}.
    [Theory]
    [InlineData(1000000, "1e+06")]
    [InlineData(1234567, "1.234567e+06")]
    [InlineData(123456, "123456")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(0.0001234, "0.0001234")]
    [InlineData(12345678901234567890123.0, "1.2345678901234568e+22")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2500.25, "-2500.25")]
    [InlineData(1500, "1500")]
    [InlineData(0, "0")]
    public void Format_Value_MatchesGoPercentV(double value, string expected)
    {
        Assert.Equal(expected, GoFloat.Format(value));
    }
}
