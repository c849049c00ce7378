using System.Text.Json.Serialization;

namespace LagLab.LoadTest.Results;

/// <summary>Source-generated JSON of results.json (camelCase, indented, numbers as numbers).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunResults))]
[JsonSerializable(typeof(ComparisonResults))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
