using System.Text.Json;
using System.Text.Json.Serialization;

namespace LagLab.Forecast.Output;

/// <summary>The forecast as JSON: camelCase, enums as words, durations in seconds.</summary>
public static class ForecastJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new SecondsConverter() },
    };

    public static string Serialize(ForecastResult result) => JsonSerializer.Serialize(result, Options);
}
