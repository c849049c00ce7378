namespace LagLab.Broker;

/// <summary>
/// The broker cannot start where it was asked to: the port is taken, the data directory is not a
/// writable directory, is in use by another broker, or holds metadata that cannot be trusted. The
/// message is one line naming the problem and, where there is one, the way out; the CLI prints it and
/// exits 2 instead of a stack trace.
/// </summary>
public sealed class BrokerStartException(string message, Exception? inner = null) : Exception(message, inner);
