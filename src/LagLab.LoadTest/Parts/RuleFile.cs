using System.Globalization;
using System.Text;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// The monitor's rule file for a run: the write-up's two lag rules (same names as deploy/prometheus/laglab-alerts.yml)
/// with the scenario's thresholds and its <c>for</c> compressed by the time scale.
/// </summary>
internal static class RuleFile
{
    public const string WarningRule = "KafkaConsumerLagWarning";
    public const string CriticalRule = "KafkaConsumerLagCritical";

    public static string Render(AlertSpec alerts, TimeScale scale)
    {
        var @for = CliArgs.PromDuration(scale.ToWall(alerts.For));
        var text = new StringBuilder();
        text.AppendLine("# Written by laglab loadtest: the write-up's lag rules with this scenario's thresholds;");
        text.AppendLine(CultureInfo.InvariantCulture, $"# 'for' is {Duration.Format(alerts.For)} of scenario time compressed {scale.Factor:0.##}x.");
        text.AppendLine("groups:");
        text.AppendLine("  - name: laglab-loadtest");
        text.AppendLine("    rules:");
        Rule(text, WarningRule, alerts.Warning, @for, "warning");
        Rule(text, CriticalRule, alerts.Critical, @for, "critical");
        return text.ToString();
    }

    private static void Rule(StringBuilder text, string name, long threshold, string @for, string severity)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"      - alert: {name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"        expr: kafka_consumer_lag > {threshold}");
        text.AppendLine(CultureInfo.InvariantCulture, $"        for: {@for}");
        text.AppendLine("        labels:");
        text.AppendLine(CultureInfo.InvariantCulture, $"          severity: {severity}");
        text.AppendLine("        annotations:");
        text.AppendLine(CultureInfo.InvariantCulture, $"          summary: \"Lag above {threshold} on {{{{ $labels.topic }}}}/{{{{ $labels.partition }}}}\"");
    }
}
