using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>
/// Evaluates an expression at one instant against the monitor's current samples, with Prometheus'
/// semantics for the subset: filtering comparisons keep the vector side's value and labels, a one-to-one
/// match with on(...) keeps only those labels, group_left keeps the left side's, and aggregations keep
/// their grouping labels.
/// </summary>
internal static class Evaluator
{
    /// <summary>The result vector of an expression (a lone number has no series, so it is an empty vector).</summary>
    public static IReadOnlyList<Sample> Evaluate(Expr expr, SampleSet source) =>
        expr is NumberLiteral ? [] : Vector(expr, source);

    public static IReadOnlyList<Sample> Evaluate(Expr expr, IEnumerable<Sample> source) => Evaluate(expr, SampleSet.From(source));

    private static List<Sample> Vector(Expr expr, SampleSet source) => expr switch
    {
        VectorSelector selector => Select(selector, source, null),
        AggregateExpr aggregate => Aggregate(aggregate, Vector(aggregate.Inner, source)),
        // selector op number: filter while selecting, so only matching series are materialized
        BinaryExpr { Left: NumberLiteral number, Right: VectorSelector selector } binary => Select(selector, source, v => Compare(binary.Op, number.Value, v)),
        BinaryExpr { Left: VectorSelector selector, Right: NumberLiteral number } binary => Select(selector, source, v => Compare(binary.Op, v, number.Value)),
        BinaryExpr { Left: NumberLiteral number } binary => Filter(Vector(binary.Right, source), v => Compare(binary.Op, number.Value, v)),
        BinaryExpr { Right: NumberLiteral number } binary => Filter(Vector(binary.Left, source), v => Compare(binary.Op, v, number.Value)),
        // selector op vector: stream the selected series, naming only those the comparison keeps
        BinaryExpr { Left: VectorSelector selector } binary when binary.IsComparison && !MatchesOnName(binary.Matching) =>
            CompareVectors(binary, Vector(binary.Right, source), Series(selector, source, null)),
        BinaryExpr binary when binary.IsComparison => CompareVectors(binary, Vector(binary.Left, source), Vector(binary.Right, source)),
        BinaryExpr binary => SetOperation(binary, Vector(binary.Left, source), Vector(binary.Right, source)),
        _ => throw new PromQlException("a number cannot stand here", expr.Position),
    };

    private static List<Sample> Select(VectorSelector selector, SampleSet source, Func<double, bool>? keep)
    {
        var result = new List<Sample>();
        foreach (var series in Series(selector, source, keep))
        {
            result.Add(new Sample(series.Full, series.Value));
        }
        return result;
    }

    /// <summary>The series a selector matches (labels without <c>__name__</c>), in family order.</summary>
    private static IEnumerable<SelectedSeries> Series(VectorSelector selector, SampleSet source, Func<double, bool>? keep)
    {
        foreach (var name in selector.Name is { } only ? [only] : source.Names)
        {
            var nameMatches = true;
            foreach (var matcher in selector.Matchers)
            {
                nameMatches &= matcher.Name != LabelSet.MetricName || matcher.Matches(name);
            }
            if (!nameMatches)
            {
                continue;
            }
            foreach (var (labels, value) in source.Of(name))
            {
                if (keep is not null && !keep(value))
                {
                    continue;
                }
                var matches = true;
                foreach (var matcher in selector.Matchers)
                {
                    if (matcher.Name != LabelSet.MetricName && !matcher.Matches(labels.Get(matcher.Name)))
                    {
                        matches = false;
                        break;
                    }
                }
                if (matches)
                {
                    yield return new SelectedSeries(labels, name, value);
                }
            }
        }
    }

    // The signature of a selected series is computed from its labels without the name, which is only
    // the same when the matching does not keep __name__.
    private static bool MatchesOnName(VectorMatching? matching) => matching is { On: true } && matching.Labels.Contains(LabelSet.MetricName);

    private static List<Sample> Filter(List<Sample> vector, Func<double, bool> keep) => vector.Where(s => keep(s.Value)).ToList();

    private static bool Compare(BinaryOp op, double left, double right) => op switch
    {
        BinaryOp.Greater => left > right,
        BinaryOp.Less => left < right,
        BinaryOp.GreaterOrEqual => left >= right,
        BinaryOp.LessOrEqual => left <= right,
        BinaryOp.Equal => left == right,
        BinaryOp.NotEqual => left != right,
        _ => throw new InvalidOperationException($"{op} is not a comparison"),
    };

    private static LabelSet Signature(LabelSet labels, VectorMatching? matching) => matching switch
    {
        null => labels.WithoutName(),
        { On: true } => labels.Keep(matching.Labels),
        _ => labels.Drop([.. matching.Labels, LabelSet.MetricName]),
    };

    private static List<Sample> CompareVectors(BinaryExpr binary, List<Sample> left, List<Sample> right) =>
        CompareVectors(binary, right, left.Select(SelectedSeries.Of));

    // The right side first (it is indexed), then the left streamed: the order errors surface in is the same.
    private static List<Sample> CompareVectors(BinaryExpr binary, List<Sample> right, IEnumerable<SelectedSeries> left)
    {
        var matching = binary.Matching;
        var rightBySignature = new Dictionary<LabelSet, Sample>(LabelSetComparer.Instance);
        foreach (var sample in right)
        {
            if (!rightBySignature.TryAdd(Signature(sample.Labels, matching), sample))
            {
                throw new PromQlException($"many-to-many matching: the right side has more than one series for {Signature(sample.Labels, matching)}", binary.Position);
            }
        }
        // Left signatures are looked up as projections: nothing is built per series unless it must be kept.
        var byProjection = rightBySignature.GetAlternateLookup<LabelProjection>();
        var seen = new HashSet<LabelSet>(LabelSetComparer.Instance).GetAlternateLookup<LabelProjection>();
        IReadOnlyCollection<string> names = matching switch
        {
            null => [LabelSet.MetricName],
            { On: true } => matching.Labels,
            _ => [.. matching.Labels, LabelSet.MetricName],
        };
        var result = new List<Sample>();
        foreach (var sample in left)
        {
            var signature = new LabelProjection(sample.Labels, names, keep: matching is { On: true });
            if (matching is not { GroupLeft: true } && !seen.Add(signature))
            {
                throw new PromQlException($"many-to-one matching needs group_left: the left side has more than one series for {signature.ToLabelSet()}", binary.Position);
            }
            if (!byProjection.TryGetValue(signature, out var other) || !Compare(binary.Op, sample.Value, other.Value))
            {
                continue;
            }
            var full = sample.Full;
            var labels = matching switch
            {
                { GroupLeft: true } => full.With(matching.Include.Select(l => new KeyValuePair<string, string>(l, other.Labels.Get(l)))),
                { On: true } => full.Keep(matching.Labels),
                { On: false } => full.Drop(matching.Labels),
                null => full,
            };
            result.Add(new Sample(labels, sample.Value));
        }
        return result;
    }

    private static List<Sample> SetOperation(BinaryExpr binary, List<Sample> left, List<Sample> right)
    {
        var rightSignatures = right.Select(s => Signature(s.Labels, binary.Matching)).ToHashSet();
        switch (binary.Op)
        {
            case BinaryOp.And:
                return left.Where(s => rightSignatures.Contains(Signature(s.Labels, binary.Matching))).ToList();
            case BinaryOp.Unless:
                return left.Where(s => !rightSignatures.Contains(Signature(s.Labels, binary.Matching))).ToList();
            default:
                var leftSignatures = left.Select(s => Signature(s.Labels, binary.Matching)).ToHashSet();
                return [.. left, .. right.Where(s => !leftSignatures.Contains(Signature(s.Labels, binary.Matching)))];
        }
    }

    private static List<Sample> Aggregate(AggregateExpr aggregate, List<Sample> input)
    {
        var groups = new Dictionary<LabelSet, (double Value, int Count)>();
        var order = new List<LabelSet>();
        foreach (var sample in input)
        {
            var key = aggregate.Without
                ? sample.Labels.Drop([.. aggregate.Grouping, LabelSet.MetricName])
                : sample.Labels.Keep(aggregate.Grouping);
            if (!groups.TryGetValue(key, out var acc))
            {
                order.Add(key);
                groups[key] = (aggregate.Op == AggregateOp.Count ? 1 : sample.Value, 1);
                continue;
            }
            groups[key] = aggregate.Op switch
            {
                AggregateOp.Max => (Math.Max(acc.Value, sample.Value), acc.Count + 1),
                AggregateOp.Min => (Math.Min(acc.Value, sample.Value), acc.Count + 1),
                AggregateOp.Count => (acc.Value + 1, acc.Count + 1),
                _ => (acc.Value + sample.Value, acc.Count + 1),
            };
        }
        return order.Select(key =>
        {
            var (value, count) = groups[key];
            return new Sample(key, aggregate.Op == AggregateOp.Avg ? value / count : value);
        }).ToList();
    }
}
