using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>
/// Collects the errors of one load, each tied to a node's line and column. Keeps the first <see cref="MaxKept"/> and
/// counts the rest: a file of a hundred thousand bad keys must not cost a hundred thousand messages of memory.
/// </summary>
internal sealed class ErrorSink
{
    /// <summary>Errors kept with their text; enough to show <see cref="ScenarioException.MaxListed"/> in file order.</summary>
    public const int MaxKept = 1000;

    private readonly List<ScenarioError> _errors = [];
    private readonly List<ScenarioError> _warnings = [];

    /// <summary>Fields that still load but should change (deprecated keys); printed, never fatal.</summary>
    public IReadOnlyList<ScenarioError> Warnings => _warnings;

    public void Warn(YamlNode? at, string path, string message) =>
        _warnings.Add(new ScenarioError(path, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, message));

    public IReadOnlyList<ScenarioError> Errors => _errors;

    /// <summary>Every error found, kept or not.</summary>
    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(YamlNode? at, string path, string message)
    {
        if (Keep())
        {
            _errors.Add(new ScenarioError(path, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, message));
        }
    }

    public void Add(int line, int column, string path, string message)
    {
        if (Keep())
        {
            _errors.Add(new ScenarioError(path, line, column, message));
        }
    }

    /// <summary>The exception for this load: the kept errors and how many there were in all.</summary>
    public ScenarioException ToException(string source) => new(source, _errors, Count);

    private bool Keep() => ++Count <= MaxKept;
}
