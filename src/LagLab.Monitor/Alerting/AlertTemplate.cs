using System.Text;
using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Alerting;

/// <summary>
/// A label or annotation value with Prometheus template actions. Supported: <c>{{ $labels.NAME }}</c>,
/// <c>{{ $value }}</c> (and <c>.Labels.NAME</c>, <c>.Value</c>); anything else is refused at load.
/// </summary>
internal sealed class AlertTemplate
{
    private readonly List<(string? Text, string? Label, bool Value)> _parts = [];

    private AlertTemplate(string source) => Source = source;

    public string Source { get; }

    public static AlertTemplate Parse(string source)
    {
        var template = new AlertTemplate(source);
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                template._parts.Add((source[i..], null, false));
                break;
            }
            if (open > i)
            {
                template._parts.Add((source[i..open], null, false));
            }
            var close = source.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"template action opened at column {open + 1} is not closed");
            }
            var action = source[(open + 2)..close].Trim();
            if (action is "$value" or ".Value")
            {
                template._parts.Add((null, null, true));
            }
            else if (action.StartsWith("$labels.", StringComparison.Ordinal) || action.StartsWith(".Labels.", StringComparison.Ordinal))
            {
                var label = action[8..];
                if (label.Length == 0 || !label.All(c => char.IsLetterOrDigit(c) || c == '_'))
                {
                    throw new FormatException($"'{{{{ {action} }}}}' does not name a label");
                }
                template._parts.Add((null, label, false));
            }
            else
            {
                throw new FormatException($"template action '{{{{ {action} }}}}' is not supported (only $labels.NAME and $value)");
            }
            i = close + 2;
        }
        return template;
    }

    public string Render(LabelSet labels, double value)
    {
        var text = new StringBuilder();
        foreach (var (literal, label, isValue) in _parts)
        {
            text.Append(literal ?? (isValue ? GoFloat.Format(value) : labels.Get(label!)));
        }
        return text.ToString();
    }
}
