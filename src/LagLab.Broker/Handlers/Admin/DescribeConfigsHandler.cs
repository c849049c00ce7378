using System.Globalization;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.DescribeConfigs;

namespace LagLab.Broker.Handlers.Admin;

/// <summary>
/// DescribeConfigs (key 32), v0-1, for topics and this broker. A topic config's source is TOPIC_CONFIG
/// when set on the topic, STATIC_BROKER_CONFIG when it follows a broker option changed from its built-in
/// default, else DEFAULT_CONFIG; v1 lists synonyms in precedence order when asked.
/// </summary>
internal sealed class DescribeConfigsHandler(TopicManager topics, BrokerOptions options, BrokerMetrics metrics)
    : RequestHandler<DescribeConfigsRequest, DescribeConfigsResponse>
{
    private static readonly BrokerOptions BuiltIn = new();

    protected override ValueTask<DescribeConfigsResponse?> HandleAsync(RequestContext context, DescribeConfigsRequest request, CancellationToken cancellationToken)
    {
        var results = request.Resources.Select(resource =>
        {
            var result = resource.ResourceType switch
            {
                ConfigResourceType.Topic => DescribeTopic(resource, request.IncludeSynonyms),
                ConfigResourceType.Broker => DescribeBroker(resource, request.IncludeSynonyms),
                _ => Failed(resource, ErrorCode.InvalidRequest, $"Resource type {resource.ResourceType} is not supported; only topics and brokers are."),
            };
            if (result.ErrorCode != ErrorCode.None)
            {
                metrics.ErrorReturned(ApiKey.DescribeConfigs, result.ErrorCode);
            }
            return result;
        }).ToArray();
        return ValueTask.FromResult<DescribeConfigsResponse?>(new DescribeConfigsResponse(results));
    }

    private DescribeConfigsResponse.Result DescribeTopic(DescribeConfigsRequest.Resource resource, bool includeSynonyms)
    {
        if (!topics.TryGetTopic(resource.ResourceName, out var topic))
        {
            return Failed(resource, ErrorCode.UnknownTopicOrPartition, $"Topic '{resource.ResourceName}' does not exist.");
        }
        var configs = TopicConfigs.All
            .Where(d => resource.ConfigurationKeys is null || resource.ConfigurationKeys.Contains(d.Name))
            .Select(d => TopicEntry(d, topic.Config, includeSynonyms))
            .ToArray();
        return new DescribeConfigsResponse.Result(ErrorCode.None, null, resource.ResourceType, resource.ResourceName, configs);
    }

    private DescribeConfigsResponse.Config TopicEntry(TopicConfigDefinition definition, TopicConfig config, bool includeSynonyms)
    {
        var brokerValue = definition.Default(options);
        var builtInValue = definition.Default(BuiltIn);
        var overridden = config.Overrides.TryGetValue(definition.Name, out var topicValue);
        var source = overridden ? ConfigSource.TopicConfig : brokerValue != builtInValue ? ConfigSource.StaticBrokerConfig : ConfigSource.DefaultConfig;
        var synonyms = new List<DescribeConfigsResponse.Synonym>(3);
        if (includeSynonyms)
        {
            if (overridden)
            {
                synonyms.Add(new(definition.Name, topicValue, ConfigSource.TopicConfig));
            }
            if (brokerValue != builtInValue)
            {
                synonyms.Add(new(definition.BrokerName, brokerValue, ConfigSource.StaticBrokerConfig));
            }
            synonyms.Add(new(definition.BrokerName, builtInValue, ConfigSource.DefaultConfig));
        }
        return new DescribeConfigsResponse.Config(definition.Name, overridden ? topicValue : brokerValue, ReadOnly: false, IsSensitive: false,
            IsDefault: source == ConfigSource.DefaultConfig, ConfigSource: source, Synonyms: synonyms);
    }

    private DescribeConfigsResponse.Result DescribeBroker(DescribeConfigsRequest.Resource resource, bool includeSynonyms)
    {
        var nodeId = options.NodeId.ToString(CultureInfo.InvariantCulture);
        if (resource.ResourceName.Length > 0 && resource.ResourceName != nodeId)
        {
            return Failed(resource, ErrorCode.InvalidRequest, $"Unexpected broker id, expected {nodeId} or empty string, but received {resource.ResourceName}");
        }
        var configs = BrokerConfigEntries.From(options)
            .Where(e => resource.ConfigurationKeys is null || resource.ConfigurationKeys.Contains(e.Name))
            .Select(e =>
            {
                var source = e.Value == e.DefaultValue ? ConfigSource.DefaultConfig : ConfigSource.StaticBrokerConfig;
                IReadOnlyList<DescribeConfigsResponse.Synonym> synonyms = includeSynonyms ? [new(e.Name, e.Value, source)] : [];
                return new DescribeConfigsResponse.Config(e.Name, e.Value, ReadOnly: true, IsSensitive: false,
                    IsDefault: source == ConfigSource.DefaultConfig, ConfigSource: source, Synonyms: synonyms);
            })
            .ToArray();
        return new DescribeConfigsResponse.Result(ErrorCode.None, null, resource.ResourceType, resource.ResourceName, configs);
    }

    private static DescribeConfigsResponse.Result Failed(DescribeConfigsRequest.Resource resource, ErrorCode error, string message) =>
        new(error, message, resource.ResourceType, resource.ResourceName, []);
}
