using ScottPlot;

namespace LagLab.LoadTest.Reporting;

/// <summary>The report's colours, so a series means the same thing on every chart.</summary>
internal static class Palette
{
    public static readonly Color Total = Color.FromHex("#111827");
    public static readonly Color Produced = Color.FromHex("#2563eb");
    public static readonly Color Applied = Color.FromHex("#16a34a");
    public static readonly Color Limit = Color.FromHex("#dc2626");
    public static readonly Color Warning = Color.FromHex("#f59e0b");
    public static readonly Color Critical = Color.FromHex("#dc2626");
    public static readonly Color Action = Color.FromHex("#7c3aed");
    public static readonly Color Rebalance = Color.FromHex("#f97316").WithAlpha(0.18);
    public static readonly Color Forecast = Color.FromHex("#0891b2");

    public static readonly Color MeasuredForecast = Color.FromHex("#c026d3");
    public static readonly Color RunA = Color.FromHex("#dc2626");
    public static readonly Color RunB = Color.FromHex("#16a34a");

    private static readonly Color[] Series =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"), Color.FromHex("#393b79"), Color.FromHex("#637939"),
    ];

    public static Color Of(int index) => Series[index % Series.Length];
}
