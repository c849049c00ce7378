namespace LagLab.Monitor.Alerting.PromQl;

/// <summary><c>on(labels)</c> or <c>ignoring(labels)</c>, optionally <c>group_left(include)</c> (many-to-one).</summary>
internal sealed record VectorMatching(bool On, IReadOnlyList<string> Labels, bool GroupLeft, IReadOnlyList<string> Include);
