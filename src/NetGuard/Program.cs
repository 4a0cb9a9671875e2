using System.CommandLine;
using System.Runtime.InteropServices;
using NetGuard.Cli;

// Ctrl+C and SIGTERM cancel the command's token: a capture stops, drains and prints its summary
// (exit 0, as tcpdump does); the service stops gracefully. A second signal is not intercepted.
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token).ConfigureAwait(false);

void Cancel(PosixSignalContext context)
{
    if (!stop.IsCancellationRequested)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}
