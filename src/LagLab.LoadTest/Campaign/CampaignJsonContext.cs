using System.Text.Json.Serialization;

namespace LagLab.LoadTest.Campaign;

/// <summary>Source-generated JSON of campaign.json (camelCase, indented, enums as words).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CampaignReport))]
internal sealed partial class CampaignJsonContext : JsonSerializerContext;
