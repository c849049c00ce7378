using System.Reflection;

namespace LagLab.LoadTest.Processes;

/// <summary>
/// How to start a <c>laglab</c> subcommand as a separate process: the program and the arguments that come
/// before the subcommand (e.g. <c>dotnet laglab.dll</c>). The harness starts every part this way, as a user would.
/// </summary>
public sealed record LaglabLauncher(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The program this process runs as: the apphost, or <c>dotnet</c> plus the entry assembly.</summary>
    public static LaglabLauncher FromCurrentProcess()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var entry = Assembly.GetEntryAssembly()?.Location;
        var isHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost && !string.IsNullOrEmpty(entry) ? new LaglabLauncher(processPath, [entry]) : new LaglabLauncher(processPath, []);
    }

    /// <summary>A built <c>laglab.dll</c> run through <c>dotnet</c>.</summary>
    public static LaglabLauncher FromDll(string dllPath) => new("dotnet", [dllPath]);

    public override string ToString() => string.Join(' ', [FileName, .. PrefixArguments]);
}
