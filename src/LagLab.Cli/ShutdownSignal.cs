using System.Runtime.InteropServices;

namespace LagLab.Cli;

/// <summary>Turns SIGTERM and Ctrl-C (SIGINT) into one cancellation token, so every command shuts down the same way.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _int;

    public ShutdownSignal()
    {
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _source.Token;

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel instead of letting the runtime exit, so the command can finish its shutdown.
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        _term.Dispose();
        _int.Dispose();
        _source.Dispose();
    }
}
