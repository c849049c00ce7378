using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages;

/// <summary>Reads one array element at a message version; static lambdas keep the read allocation-free.</summary>
internal delegate T ElementReader<out T>(ref KafkaReader reader, short version);
