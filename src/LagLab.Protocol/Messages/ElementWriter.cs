using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages;

/// <summary>Writes one array element at a message version.</summary>
internal delegate void ElementWriter<in T>(ref KafkaWriter writer, T item, short version);
