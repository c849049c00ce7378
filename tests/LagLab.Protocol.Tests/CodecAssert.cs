using System.Buffers;
using System.Collections;
using System.Reflection;
using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Tests;

/// <summary>
/// Generic assertions for any Kafka message codec: exact round trips (compared structurally, so lists and
/// byte slices compare by content), truncation safety (every strict prefix must fail with
/// <see cref="KafkaProtocolException"/>) and byte-exact encodings against hand-computed hex.
/// </summary>
internal static class CodecAssert
{
    /// <summary>Every version <see cref="ApiVersionTable"/> says the codec speaks for <paramref name="apiKey"/>.</summary>
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

    /// <summary>Reads a whole body and fails unless every byte was consumed.</summary>
    public static T Decode<T>(ReadOnlyMemory<byte> body, short version)
        where T : IKafkaMessage<T>
    {
        var reader = new KafkaReader(body);
        var message = T.Read(ref reader, version);
        Assert.True(reader.End, $"{typeof(T).Name} v{version}: {reader.Remaining} of {body.Length} bytes left unread.");
        return message;
    }

    /// <summary>Writes at <paramref name="version"/>, reads back, and returns what was read.</summary>
    public static T RoundTrip<T>(T message, short version)
        where T : IKafkaMessage<T> =>
        Decode<T>(Encode(message, version), version);

    /// <summary>
    /// Writes <paramref name="message"/> at <paramref name="version"/> and asserts the result reads back as
    /// <paramref name="expected"/> (the message with fields the version lacks reset to their defaults).
    /// </summary>
    public static void RoundTripsTo<T>(T message, short version, T expected)
        where T : IKafkaMessage<T> =>
        Equivalent(expected, RoundTrip(message, version), $"{typeof(T).Name} v{version}");

    /// <summary>Every strict prefix of the encoding must throw <see cref="KafkaProtocolException"/>, nothing else.</summary>
    public static void EveryPrefixThrows<T>(T message, short version)
        where T : IKafkaMessage<T>
    {
        var bytes = Encode(message, version);
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            var error = Record.Exception(() =>
            {
                var reader = new KafkaReader(prefix);
                T.Read(ref reader, version);
            });
            if (error is not KafkaProtocolException)
            {
                Assert.Fail($"{typeof(T).Name} v{version}: a {length}-byte prefix of {bytes.Length} bytes " +
                    (error is null ? "was read without error." : $"threw {error.GetType().Name}: {error.Message}"));
            }
        }
    }

    /// <summary>The encoding equals <paramref name="hex"/> (whitespace ignored), and decoding it gives the message back.</summary>
    public static void EncodesTo<T>(T message, short version, string hex)
        where T : IKafkaMessage<T>
    {
        var expected = Convert.FromHexString(Hex(hex));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(Encode(message, version)));
        Equivalent(message, Decode<T>(expected, version), $"{typeof(T).Name} v{version} from hex");
    }

    /// <summary>Hand-written hex (spaces for readability, any case) in the form <see cref="Convert.ToHexString(byte[])"/> prints.</summary>
    public static string Hex(string spaced) => string.Concat(spaced.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>
    /// Structural equality: scalars by value, byte slices by content, sequences element-wise, anything else
    /// property by property. Fails naming the first differing path.
    /// </summary>
    public static void Equivalent(object? expected, object? actual, string path = "value")
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Assert.Fail($"{path}: expected {Show(expected)} but was {Show(actual)}.");
            }
            return;
        }
        if (expected is ReadOnlyMemory<byte> expectedBytes && actual is ReadOnlyMemory<byte> actualBytes)
        {
            if (!expectedBytes.Span.SequenceEqual(actualBytes.Span))
            {
                Assert.Fail($"{path}: expected bytes {Convert.ToHexString(expectedBytes.Span)} but was {Convert.ToHexString(actualBytes.Span)}.");
            }
            return;
        }
        var type = expected.GetType();
        if (IsScalar(type))
        {
            if (!expected.Equals(actual))
            {
                Assert.Fail($"{path}: expected {Show(expected)} but was {Show(actual)}.");
            }
            return;
        }
        if (expected is IEnumerable expectedItems)
        {
            if (actual is not IEnumerable actualItems)
            {
                Assert.Fail($"{path}: expected a sequence but was {actual.GetType().Name}.");
                return;
            }
            var e = expectedItems.Cast<object?>().ToList();
            var a = actualItems.Cast<object?>().ToList();
            if (e.Count != a.Count)
            {
                Assert.Fail($"{path}: expected {e.Count} elements but was {a.Count}.");
            }
            for (var i = 0; i < e.Count; i++)
            {
                Equivalent(e[i], a[i], $"{path}[{i}]");
            }
            return;
        }
        if (actual.GetType() != type)
        {
            Assert.Fail($"{path}: expected a {type.Name} but was {actual.GetType().Name}.");
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
        if (properties.Length == 0)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {Show(expected)} but was {Show(actual)}.");
            return;
        }
        foreach (var property in properties)
        {
            Equivalent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid);

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
