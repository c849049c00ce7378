using LagLab.Monitor.Alerting.PromQl;
using LagLab.Monitor.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LagLab.Monitor.Alerting;

/// <summary>
/// Reads a Prometheus rule file (groups → rules with alert, expr, for, labels, annotations). Every
/// problem is reported as "FILE:LINE: rule NAME: what is wrong"; recording rules and keys the engine
/// would ignore are refused rather than skipped.
/// </summary>
internal static class RuleFileLoader
{
    private static readonly HashSet<string> RuleKeys = ["alert", "expr", "for", "labels", "annotations"];

    public static RuleFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuleFileException($"{path}: cannot read the rule file: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static RuleFile Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new RuleFileException($"{path}:{ex.Start.Line}: invalid YAML: {ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RuleFileException($"{path}: a rule file is a mapping with a 'groups' list");
        }
        var groups = Child(root, "groups") as YamlSequenceNode
            ?? throw new RuleFileException($"{path}:{root.Start.Line}: a rule file needs a 'groups' list");
        var rules = new List<AlertRule>();
        var names = new HashSet<string>();
        foreach (var groupNode in groups)
        {
            if (groupNode is not YamlMappingNode group)
            {
                throw new RuleFileException($"{path}:{groupNode.Start.Line}: each group is a mapping with 'name' and 'rules'");
            }
            var groupName = Scalar(group, "name", path, "group") ?? throw new RuleFileException($"{path}:{group.Start.Line}: group without a 'name'");
            if (!names.Add(groupName))
            {
                throw new RuleFileException($"{path}:{group.Start.Line}: group '{groupName}' appears twice");
            }
            if (Child(group, "rules") is not YamlSequenceNode ruleNodes)
            {
                throw new RuleFileException($"{path}:{group.Start.Line}: group '{groupName}' needs a 'rules' list");
            }
            foreach (var ruleNode in ruleNodes)
            {
                rules.Add(ParseRule(ruleNode, groupName, path));
            }
        }
        return new RuleFile(path, rules);
    }

    private static AlertRule ParseRule(YamlNode node, string groupName, string path)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode rule)
        {
            throw new RuleFileException($"{path}:{line}: group '{groupName}': each rule is a mapping");
        }
        if (Child(rule, "record") is not null)
        {
            throw new RuleFileException($"{path}:{line}: group '{groupName}': recording rules are not supported by the monitor's engine; keep them in another file");
        }
        var name = Scalar(rule, "alert", path, "rule") ?? throw new RuleFileException($"{path}:{line}: group '{groupName}': rule without an 'alert' name");
        var where = $"{path}:{line}: rule '{name}'";
        foreach (var key in rule.Children.Keys)
        {
            var keyText = ((YamlScalarNode)key).Value ?? "";
            if (!RuleKeys.Contains(keyText))
            {
                throw new RuleFileException($"{path}:{key.Start.Line}: rule '{name}': unknown key '{keyText}'");
            }
        }
        var exprNode = Child(rule, "expr") as YamlScalarNode;
        var exprText = exprNode?.Value;
        if (string.IsNullOrWhiteSpace(exprText))
        {
            throw new RuleFileException($"{where}: 'expr' is missing");
        }
        Expr expression;
        try
        {
            expression = PromQl.Parser.Parse(exprText);
        }
        catch (PromQlException ex)
        {
            throw new RuleFileException($"{path}:{exprNode!.Start.Line}: rule '{name}': expr column {ex.Position + 1}: {ex.Message}: {exprText.Trim()}");
        }
        var forDuration = TimeSpan.Zero;
        if (Scalar(rule, "for", path, $"rule '{name}'") is { } forText && !PromDuration.TryParse(forText, out forDuration))
        {
            throw new RuleFileException($"{path}:{Child(rule, "for")!.Start.Line}: rule '{name}': 'for' is not a duration: '{forText}'");
        }
        return new AlertRule(
            name,
            groupName,
            exprText.Trim(),
            expression,
            forDuration,
            Templates(rule, "labels", path, name),
            Templates(rule, "annotations", path, name),
            line);
    }

    private static Dictionary<string, AlertTemplate> Templates(YamlMappingNode rule, string key, string path, string name)
    {
        var result = new Dictionary<string, AlertTemplate>(StringComparer.Ordinal);
        var node = Child(rule, key);
        if (node is null)
        {
            return result;
        }
        if (node is not YamlMappingNode map)
        {
            throw new RuleFileException($"{path}:{node.Start.Line}: rule '{name}': '{key}' must be a mapping");
        }
        foreach (var (k, v) in map.Children)
        {
            var label = ((YamlScalarNode)k).Value ?? "";
            if (v is not YamlScalarNode value)
            {
                throw new RuleFileException($"{path}:{v.Start.Line}: rule '{name}': {key}.{label} must be a string");
            }
            try
            {
                result[label] = AlertTemplate.Parse(value.Value ?? "");
            }
            catch (FormatException ex)
            {
                throw new RuleFileException($"{path}:{v.Start.Line}: rule '{name}': {key}.{label}: {ex.Message}");
            }
        }
        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key, string path, string what)
    {
        var node = Child(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw new RuleFileException($"{path}:{node.Start.Line}: {what}: '{key}' must be a single value"),
        };
    }
}
