namespace LagLab.Scenarios.Tests.Loading;

/// <summary><c>fleet.restart_policy</c> and its back-off: defaults, both edges, and errors that name the field and line.</summary>
public sealed class RestartPolicyLoadingTests
{
    [Fact]
    public void Parse_NoRestartPolicy_NeverWithKubernetesBackoff()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal);

        Assert.Equal(RestartPolicy.Never, s.Fleet.RestartPolicy);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Fleet.RestartBackoff);
        Assert.Equal(TimeSpan.FromMinutes(5), s.Fleet.RestartBackoffMax);
    }

    [Fact]
    public void Parse_OnFailureWithBackoff_IsRead()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\nfleet:\n  restart_policy: on-failure\n  restart_backoff: 1s\n  restart_backoff_max: 1s\n");

        Assert.Equal(RestartPolicy.OnFailure, s.Fleet.RestartPolicy);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Fleet.RestartBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Fleet.RestartBackoffMax);
    }

    [Fact]
    public void Parse_UnknownPolicy_ListsTheChoices()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_policy: always\n");

        Assert.Equal("fleet.restart_policy", error.Path);
        Assert.Equal(5, error.Line);
        Assert.Contains("on-failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BackoffWithPolicyNever_IsRefusedOnItsLine()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_backoff: 2s\n");

        Assert.Equal("fleet.restart_backoff", error.Path);
        Assert.Equal(5, error.Line);
        Assert.Contains("restart_policy: on-failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MaxBelowFirstBackoff_IsRefused()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_policy: on-failure\n  restart_backoff: 2s\n  restart_backoff_max: 1999ms\n");

        Assert.Equal("fleet.restart_backoff_max", error.Path);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Parse_FirstBackoffAboveDefaultMax_IsRefused()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_policy: on-failure\n  restart_backoff: 6m\n");

        Assert.Equal("fleet.restart_backoff", error.Path);
        Assert.Contains("restart_backoff_max (5m)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZeroBackoff_IsRefused()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_policy: on-failure\n  restart_backoff: 0\n");

        Assert.Equal("fleet.restart_backoff", error.Path);
    }

    [Fact]
    public void Parse_OnFailureForAnExternalFleet_IsRefused()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  type: external\n  restart_policy: on-failure\n");

        Assert.Equal("fleet.restart_policy", error.Path);
        Assert.Contains("orchestrator", error.Message, StringComparison.Ordinal);
    }
}
