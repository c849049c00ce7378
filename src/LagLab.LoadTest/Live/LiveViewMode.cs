namespace LagLab.LoadTest.Live;

/// <summary>How the run shows itself while it runs.</summary>
public enum LiveViewMode
{
    /// <summary>The rich view on a terminal, plain lines when stdout is redirected (CI logs).</summary>
    Auto,

    /// <summary>Spectre.Console live display: progress, lag per partition, rates, alerts, actions.</summary>
    Rich,

    /// <summary>One line every few seconds, plus a line per action and alert.</summary>
    Plain,

    /// <summary>Nothing until the verdict.</summary>
    None,
}
