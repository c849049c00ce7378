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
