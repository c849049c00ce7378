using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>Binds a whole document and checks the rules that span sections.</summary>
internal static class ScenarioBinder
{
    public static Scenario? Bind(YamlNode root, string source, string baseDirectory, ErrorSink errors)
    {
        var r = MappingReader.Open(root, "", errors);
        if (r is null)
        {
            return null;
        }
        var name = r.Text("name") ?? Path.GetFileNameWithoutExtension(source);
        var description = r.Text("description") ?? "";
        var cluster = SectionBinder.Cluster(r.Mapping("cluster"));
        var topic = SectionBinder.Topic(r.Mapping("topic"));
        var producer = r.Required("producer") is not null ? SectionBinder.Producer(r.Mapping("producer"), baseDirectory) : null;
        var fleet = FleetBinder.Bind(r.Mapping("fleet"));
        var bank = BankBinder.Bind(r.Mapping("bank"));
        var actions = ActionBinder.Bind(r.Sequence("actions"), "actions", errors);
        var scale = SectionBinder.Scale(r.Mapping("time_scale"));
        var alerts = SectionBinder.Alerts(r.Mapping("alerts"));
        var slos = SectionBinder.Slos(r.Mapping("slos"));
        r.Finish();

        CheckActions(actions, cluster, topic, fleet, producer, errors);
        CheckBudget(root, fleet, bank, errors);
        if (producer is null || errors.Any)
        {
            return null;
        }
        return new Scenario
        {
            Name = name,
            Description = description,
            Source = source,
            Cluster = cluster,
            Topic = topic,
            Producer = producer,
            Fleet = fleet,
            Bank = bank,
            Actions = [.. actions.Select(a => a.Action)],
            TimeScale = scale,
            Alerts = alerts,
            Slos = slos,
            Warnings = errors.Warnings,
        };
    }

    /// <summary>
    /// The fleet's client-side budget must fit under the bank's limit: above it, every pipeline runs into 429s the budget
    /// was meant to prevent, and the forecast reported "never drains" with no backlog. Refused (the loader has no warnings),
    /// saying which limit to change.
    /// </summary>
    private static void CheckBudget(YamlNode root, FleetSpec fleet, BankSpec bank, ErrorSink errors)
    {
        if (fleet.RateLimit is { } budget && budget > bank.RateLimit)
        {
            var node = (root as YamlMappingNode)?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "fleet" }).Value is YamlMappingNode f
                ? f.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "rate_limit" }).Value
                : null;
            errors.Add(node, "fleet.rate_limit", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{budget:0.###}/s is above bank.rate_limit {bank.RateLimit:0.###}/s: the fleet's budget exists to stay under the bank's limit (above it every instance is throttled with 429s and the forecast cannot drain); set it to at most {bank.RateLimit:0.###}/s or leave it out"));
        }
    }

    private static void CheckActions(
        List<(ScenarioAction Action, YamlNode Node, string Path)> actions,
        ClusterSpec cluster,
        TopicSpec topic,
        FleetSpec fleet,
        ProducerSpec? producer,
        ErrorSink errors)
    {
        var partitions = topic.Partitions;
        var maxInstances = Math.Max(fleet.Instances, actions.Select(a => a.Action).OfType<ScaleAction>().Select(s => s.Instances).DefaultIfEmpty(0).Max());
        foreach (var (action, node, path) in actions.OrderBy(a => a.Action.At))
        {
            if (producer is not null && action.At > producer.Duration)
            {
                errors.Add(node, path + ".at", $"{Duration.Format(action.At)} is after the end of the run (producer.duration {Duration.Format(producer.Duration)})");
            }
            switch (action)
            {
                case RollingDeployAction or KillAction or ScaleAction when fleet.Kind == FleetKind.External:
                    errors.Add(node, path + ".type", $"{action.Type} needs a fleet the harness runs (fleet.type: local)");
                    break;
                case PauseBrokerAction or RestartBrokerAction when cluster.Kind == ClusterKind.External:
                    errors.Add(node, path + ".type", $"{action.Type} needs the embedded broker (cluster.type: embedded)");
                    break;
                case KillAction kill when kill.Instance >= maxInstances:
                    errors.Add(node, path + ".instance", $"instance {kill.Instance} does not exist (instances are numbered from 0 to {maxInstances - 1})");
                    break;
                case AddPartitionsAction add when add.Partitions <= partitions:
                    errors.Add(node, path + ".partitions", $"the new total must exceed the current {partitions} partitions (Kafka cannot remove partitions)");
                    break;
                case AddPartitionsAction add:
                    partitions = add.Partitions;
                    break;
                default:
                    break;
            }
        }
    }
}
