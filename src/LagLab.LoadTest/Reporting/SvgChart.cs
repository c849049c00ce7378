using System.Text.RegularExpressions;
using ScottPlot;

namespace LagLab.LoadTest.Reporting;

/// <summary>
/// A ScottPlot plot rendered as inline SVG. Element ids (clip paths) are prefixed per chart, because ScottPlot
/// numbers them from 1 in every plot and several charts share one HTML document. No dashed lines anywhere: Skia's SVG
/// backend cannot draw path effects (it draws them solid and complains on stderr, over the live view).
/// </summary>
internal static partial class SvgChart
{
    public const int Width = 900;
    public const int Height = 320;

    public static string Render(Plot plot, string id, int width = Width, int height = Height)
    {
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        var ids = IdPattern().Matches(svg).Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var name in ids)
        {
            svg = svg.Replace($"id=\"{name}\"", $"id=\"{id}-{name}\"", StringComparison.Ordinal)
                .Replace($"#{name})", $"#{id}-{name})", StringComparison.Ordinal)
                .Replace($"\"#{name}\"", $"\"#{id}-{name}\"", StringComparison.Ordinal);
        }
        return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{id}\" ", StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdPattern();
}
