using System.Text.Json;
using System.Text.Json.Serialization;

namespace LagLab.Forecast.Output;

/// <summary>Durations in JSON as seconds (a number every tool reads), not .NET's "d.hh:mm:ss".</summary>
internal sealed class SecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value.TotalSeconds, 6));
}
