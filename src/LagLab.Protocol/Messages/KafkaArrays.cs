using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages;

/// <summary>
/// Arrays of nested structs and of primitives, shared by the message codecs. Element counts go through
/// <see cref="KafkaReader.ReadArrayLength"/>, which bounds them by the bytes left, so a hostile count
/// allocates no more than the frame already holds. <c>compact</c> selects the flexible (KIP-482) encoding.
/// The delegate overloads serve element types that are plain records (no codec of their own): there
/// <c>flexible</c> means a compact count AND a tagged-field section after every element.
/// </summary>
internal static class KafkaArrays
{
    public static T[] ReadArray<T>(this ref KafkaReader reader, short version, bool compact = false)
        where T : IKafkaMessage<T> =>
        ReadElements<T>(ref reader, reader.ReadNonNullArrayLength(compact), version);

    public static T[]? ReadNullableArray<T>(this ref KafkaReader reader, short version, bool compact = false)
        where T : IKafkaMessage<T>
    {
        var count = reader.ReadArrayLength(compact);
        return count < 0 ? null : ReadElements<T>(ref reader, count, version);
    }

    /// <summary>Writes the count then each element; a null list is written as the null array (-1).</summary>
    public static void WriteArray<T>(this KafkaWriter writer, IReadOnlyList<T>? items, short version, bool compact = false)
        where T : IKafkaMessage
    {
        if (items is null)
        {
            writer.WriteArrayLength(-1, compact);
            return;
        }
        writer.WriteArrayLength(items.Count, compact);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Write(ref writer, version);
        }
    }

    public static T[] ReadArray<T>(this ref KafkaReader reader, short version, ElementReader<T> read, bool flexible = false) =>
        ReadElements(ref reader, reader.ReadNonNullArrayLength(flexible), version, read, flexible);

    public static T[]? ReadNullableArray<T>(this ref KafkaReader reader, short version, ElementReader<T> read, bool flexible = false)
    {
        var count = reader.ReadArrayLength(flexible);
        return count < 0 ? null : ReadElements(ref reader, count, version, read, flexible);
    }

    /// <summary>Writes the count then each element; a null list is written as the null array (-1).</summary>
    public static void WriteArray<T>(this KafkaWriter writer, IReadOnlyList<T>? items, short version, ElementWriter<T> write, bool flexible = false)
    {
        writer.WriteArrayLength(items?.Count ?? -1, flexible);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            write(ref writer, items![i], version);
            if (flexible)
            {
                writer.WriteEmptyTaggedFields();
            }
        }
    }

    /// <summary>The usual "topics, each a name then its partitions" nesting (non-flexible versions).</summary>
    public static TTopic[] ReadTopics<TTopic, TPartition>(
        this ref KafkaReader reader, short version, ElementReader<TPartition> readPartition, Func<string, TPartition[], TTopic> create)
    {
        var topics = new TTopic[reader.ReadNonNullArrayLength(compact: false)];
        for (var i = 0; i < topics.Length; i++)
        {
            var name = reader.ReadString(compact: false);
            topics[i] = create(name, reader.ReadArray(version, readPartition));
        }
        return topics;
    }

    public static void WriteTopics<TTopic, TPartition>(
        this KafkaWriter writer,
        IReadOnlyList<TTopic> topics,
        short version,
        Func<TTopic, (string Name, IReadOnlyList<TPartition> Partitions)> parts,
        ElementWriter<TPartition> writePartition)
    {
        writer.WriteArrayLength(topics.Count, compact: false);
        for (var i = 0; i < topics.Count; i++)
        {
            var (name, partitions) = parts(topics[i]);
            writer.WriteString(name, compact: false);
            writer.WriteArray(partitions, version, writePartition);
        }
    }

    public static int[] ReadInt32Array(this ref KafkaReader reader, bool compact = false)
    {
        var items = new int[reader.ReadNonNullArrayLength(compact)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadInt32();
        }
        return items;
    }

    public static int[]? ReadNullableInt32Array(this ref KafkaReader reader, bool compact = false)
    {
        var count = reader.ReadArrayLength(compact);
        if (count < 0)
        {
            return null;
        }
        var items = new int[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadInt32();
        }
        return items;
    }

    public static void WriteInt32Array(this KafkaWriter writer, IReadOnlyList<int>? items, bool compact = false)
    {
        writer.WriteArrayLength(items?.Count ?? -1, compact);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            writer.WriteInt32(items![i]);
        }
    }

    public static long[] ReadInt64Array(this ref KafkaReader reader, bool compact = false)
    {
        var items = new long[reader.ReadNonNullArrayLength(compact)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadInt64();
        }
        return items;
    }

    public static void WriteInt64Array(this KafkaWriter writer, IReadOnlyList<long>? items, bool compact = false)
    {
        writer.WriteArrayLength(items?.Count ?? -1, compact);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            writer.WriteInt64(items![i]);
        }
    }

    /// <summary>An array of non-null strings.</summary>
    public static string[] ReadStringArray(this ref KafkaReader reader, bool compact = false) =>
        ReadStrings(ref reader, reader.ReadNonNullArrayLength(compact), compact);

    public static string[]? ReadNullableStringArray(this ref KafkaReader reader, bool compact = false)
    {
        var count = reader.ReadArrayLength(compact);
        return count < 0 ? null : ReadStrings(ref reader, count, compact);
    }

    public static void WriteStringArray(this KafkaWriter writer, IReadOnlyList<string>? items, bool compact = false)
    {
        writer.WriteArrayLength(items?.Count ?? -1, compact);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            writer.WriteString(items![i], compact);
        }
    }

    private static T[] ReadElements<T>(ref KafkaReader reader, int count, short version)
        where T : IKafkaMessage<T>
    {
        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = T.Read(ref reader, version);
        }
        return items;
    }

    private static T[] ReadElements<T>(ref KafkaReader reader, int count, short version, ElementReader<T> read, bool flexible)
    {
        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref reader, version);
            if (flexible)
            {
                reader.SkipTaggedFields();
            }
        }
        return items;
    }

    private static string[] ReadStrings(ref KafkaReader reader, int count, bool compact)
    {
        var items = new string[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadString(compact);
        }
        return items;
    }
}
