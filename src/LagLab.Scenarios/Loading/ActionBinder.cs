using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary><c>actions:</c> a list of mappings, each with a <c>type:</c> and the fields of that type.</summary>
internal static class ActionBinder
{
    private static readonly string[] Types =
        ["rolling_deploy", "kill", "scale", "add_partitions", "pause_broker", "restart_broker", "bank_outage"];

    public static List<(ScenarioAction Action, YamlNode Node, string Path)> Bind(YamlSequenceNode? list, string path, ErrorSink errors)
    {
        var actions = new List<(ScenarioAction, YamlNode, string)>();
        for (var i = 0; list is not null && i < list.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var r = MappingReader.Open(list.Children[i], itemPath, errors);
            if (r is null)
            {
                continue;
            }
            var type = r.Required("type") is { } t ? Scalars.Text(t, r.PathOf("type"), errors) : null;
            if (type is null)
            {
                continue;
            }
            if (!Types.Contains(type))
            {
                var hint = Suggestions.Closest(type, Types) is { } s ? $" (did you mean \"{s}\"?)" : "";
                r.Error("type", $"unknown action \"{type}\"; expected one of {string.Join(", ", Types)}{hint}");
                continue;
            }
            var at = type == "rolling_deploy" ? r.Duration("at", allowZero: true) : r.RequiredDuration("at", allowZero: true);
            ScenarioAction? action = type switch
            {
                "rolling_deploy" => Deploy(r, at),
                "kill" => Kill(r, at),
                "scale" => Whole(r, "instances", 0, 1000) is { } n && at is { } a ? new ScaleAction(a, n) : null,
                "add_partitions" => Whole(r, "partitions", 1, 10_000) is { } p && at is { } a ? new AddPartitionsAction(a, p) : null,
                "pause_broker" => r.RequiredDuration("duration") is { } d && at is { } a ? new PauseBrokerAction(a, d) : null,
                "restart_broker" => r.Duration("duration", allowZero: true) is var d && at is { } a ? new RestartBrokerAction(a, d ?? TimeSpan.FromSeconds(5)) : null,
                "bank_outage" => r.RequiredDuration("duration") is { } d && at is { } a ? new BankOutageAction(a, d) : null,
                _ => null,
            };
            r.Finish();
            if (action is not null)
            {
                actions.Add((action, list.Children[i], itemPath));
            }
        }
        return actions;
    }

    private static int? Whole(MappingReader r, string key, int min, int max) =>
        r.Required(key) is not null ? r.Int(key, min, max, key) : null;

    private static KillAction? Kill(MappingReader r, TimeSpan? at)
    {
        var instance = Whole(r, "instance", 0, 999);
        var restartAfter = r.Duration("restart_after", allowZero: true);
        return instance is { } k && at is { } a ? new KillAction(a, k, restartAfter) : null;
    }

    private static RollingDeployAction? Deploy(MappingReader r, TimeSpan? at)
    {
        var every = r.Duration("every");
        if (at is null && every is null)
        {
            r.Errors.Add(r.Node, r.PathOf("at"), "a rolling deploy needs at, every, or both");
            return null;
        }
        return new RollingDeployAction(at ?? every!.Value, every);
    }
}
