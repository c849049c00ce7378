using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>Collects every error of one load, each tied to a node's line and column.</summary>
internal sealed class ErrorSink
{
    private readonly List<ScenarioError> _errors = [];
    private readonly List<ScenarioError> _warnings = [];

    /// <summary>Fields that still load but should change (deprecated keys); printed, never fatal.</summary>
    public IReadOnlyList<ScenarioError> Warnings => _warnings;

    public void Warn(YamlNode? at, string path, string message) =>
        _warnings.Add(new ScenarioError(path, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, message));

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(YamlNode? at, string path, string message) =>
        _errors.Add(new ScenarioError(path, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, message));

    public void Add(int line, int column, string path, string message) =>
        _errors.Add(new ScenarioError(path, line, column, message));
}
