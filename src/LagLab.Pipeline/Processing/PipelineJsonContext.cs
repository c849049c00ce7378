using System.Text.Json.Serialization;

namespace LagLab.Pipeline.Processing;

/// <summary>Source-generated JSON for the pipeline's own records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ResultRecord))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
