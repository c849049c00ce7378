using LagLab.Pipeline.Hosting;
using Microsoft.Extensions.Logging;

namespace LagLab.Pipeline;

/// <summary>The pipeline's entry point for the CLI and for embedding: runs one instance until <paramref name="stop"/> fires.</summary>
public static class ReconciliationPipeline
{
    /// <summary>
    /// Validates <paramref name="options"/> (throws <see cref="ArgumentException"/> naming the option), then consumes until
    /// stopped; on stop it drains in-flight work within the drain bound, commits what is final and closes.
    /// Machine-readable status lines (ready, ownership changes, stopped) go to <paramref name="output"/>.
    /// An unexpected failure (logged with what was being done) stops the instance and is thrown as a
    /// <see cref="PipelineFailedException"/>.
    /// </summary>
    public static async Task RunAsync(PipelineOptions options, ILoggerFactory loggerFactory, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var host = new PipelineHost(options, loggerFactory, output);
        await host.RunAsync(stop).ConfigureAwait(false);
    }
}
