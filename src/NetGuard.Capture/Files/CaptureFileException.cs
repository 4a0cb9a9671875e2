using NetGuard.Core.Capture;

namespace NetGuard.Capture.Files;

/// <summary>
/// A capture file that cannot be read on: missing, empty, not a capture, corrupt or truncated.
/// The message is one line meant for an operator; frames before the fault have been delivered.
/// </summary>
public sealed class CaptureFileException : CaptureException
{
    public CaptureFileException()
    {
    }

    public CaptureFileException(string message)
        : base(message)
    {
    }

    public CaptureFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
