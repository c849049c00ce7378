using System.Buffers;
using System.Collections;
using System.Reflection;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Tests;

/// <summary>
/// Codec checks for the group API tests: write → read with structural equality, a stable re-encoding, and
/// every strict prefix of an encoding rejected. (Named apart from the data-plane CodecAssert so the two do
/// not collide until they are unified.)
/// </summary>
internal static class GroupCodecAssert
{
    /// <summary>Every version of <paramref name="apiKey"/> the codec speaks, from <see cref="ApiVersionTable"/>.</summary>
    public static TheoryData<short> Versions(ApiKey apiKey)
    {
        var range = ApiVersionTable.Get(apiKey);
        var data = new TheoryData<short>();
        for (var v = range.MinVersion; v <= range.MaxVersion; v++)
        {
            data.Add(v);
        }
        return data;
    }

    public static byte[] Encode(IKafkaMessage message, short version)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new KafkaWriter(output);
        message.Write(ref writer, version);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a whole encoding and asserts nothing is left over.</summary>
    public static T Decode<T>(byte[] bytes, short version)
        where T : IKafkaMessage<T>
    {
        var reader = new KafkaReader(bytes);
        var message = T.Read(ref reader, version);
        Assert.True(reader.End, $"{typeof(T).Name} v{version}: {reader.Remaining} of {bytes.Length} bytes left unread.");
        return message;
    }

    /// <summary>
    /// Writes <paramref name="message"/> at <paramref name="version"/>, reads it back and requires it to equal
    /// <paramref name="expected"/> (the message with the fields absent at that version at their defaults),
    /// requires the decoded message to re-encode to the same bytes, and every strict prefix to be rejected.
    /// Returns the encoding.
    /// </summary>
    public static byte[] RoundTrip<T>(T message, short version, T expected)
        where T : IKafkaMessage<T>
    {
        var bytes = Encode(message, version);
        var decoded = Decode<T>(bytes, version);
        StructurallyEqual(expected, decoded);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(decoded, version)));
        EveryStrictPrefixThrows<T>(bytes, version);
        return bytes;
    }

    public static void EveryStrictPrefixThrows<T>(byte[] bytes, short version)
        where T : IKafkaMessage<T>
    {
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            var exception = Record.Exception(() =>
            {
                var reader = new KafkaReader(prefix);
                T.Read(ref reader, version);
            });
            Assert.True(
                exception is KafkaProtocolException,
                $"{typeof(T).Name} v{version}: a {length}-byte prefix of {bytes.Length} bytes gave {exception?.GetType().Name ?? "no exception"}.");
        }
    }

    /// <summary>Hex with optional spaces (for readable hand-computed encodings) to bytes.</summary>
    public static string Hex(string spaced) => spaced.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static void EncodesTo(IKafkaMessage message, short version, string spacedHex) =>
        Assert.Equal(Hex(spacedHex), Convert.ToHexString(Encode(message, version)));

    /// <summary>
    /// Deep equality for codec records: public properties recursively, sequences element by element,
    /// byte fields by content (records alone compare lists and memory by reference).
    /// </summary>
    public static void StructurallyEqual(object? expected, object? actual) => Compare(expected, actual, "message");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Assert.Fail($"{path}: expected {Show(expected)}, got {Show(actual)}.");
            }
            return;
        }
        if (expected is ReadOnlyMemory<byte> expectedBytes)
        {
            if (actual is not ReadOnlyMemory<byte> actualBytes || !expectedBytes.Span.SequenceEqual(actualBytes.Span))
            {
                Assert.Fail($"{path}: expected bytes {Show(expected)}, got {Show(actual)}.");
            }
            return;
        }
        if (expected is IEnumerable expectedItems and not string)
        {
            if (actual is string || actual is not IEnumerable actualItems)
            {
                Assert.Fail($"{path}: expected a sequence, got {Show(actual)}.");
                return;
            }
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}.");
            for (var i = 0; i < left.Count; i++)
            {
                Compare(left[i], right[i], $"{path}[{i}]");
            }
            return;
        }
        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}.");
        if (type.Namespace?.StartsWith("LagLab.", StringComparison.Ordinal) != true || type.IsEnum)
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {Show(expected)}, got {Show(actual)}.");
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        ReadOnlyMemory<byte> bytes => $"0x{Convert.ToHexString(bytes.Span)}",
        _ => value.ToString() ?? "?",
    };
}
