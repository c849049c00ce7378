using LagLab.Scenarios;

namespace LagLab.LoadTest.Parts;

/// <summary>What every pipeline instance of a local fleet is started with.</summary>
internal sealed record FleetSettings(
    FleetSpec Fleet,
    string BootstrapServers,
    IReadOnlyDictionary<string, string> KafkaSettings,
    string Topic,
    string ResultsTopic,
    string DeadLetterTopic,
    Uri BankUrl,
    string WorkDirectory,
    string LogDirectory);
