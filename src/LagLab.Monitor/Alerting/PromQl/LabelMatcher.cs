using System.Text.RegularExpressions;

namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>One <c>label op "value"</c> matcher; regexes are anchored at both ends, as in Prometheus.</summary>
internal sealed class LabelMatcher
{
    private readonly Regex? _regex;

    public LabelMatcher(string name, MatchOp op, string value, int position)
    {
        Name = name;
        Op = op;
        Value = value;
        if (op is MatchOp.Regex or MatchOp.NotRegex)
        {
            try
            {
                _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new PromQlException($"invalid regular expression for label '{name}': {ex.Message}", position);
            }
        }
    }

    public string Name { get; }

    public MatchOp Op { get; }

    public string Value { get; }

    public bool Matches(string actual) => Op switch
    {
        MatchOp.Equal => actual == Value,
        MatchOp.NotEqual => actual != Value,
        MatchOp.Regex => _regex!.IsMatch(actual),
        _ => !_regex!.IsMatch(actual),
    };
}
