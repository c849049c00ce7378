namespace LagLab.Forecast; internal static class Placeholder { }
