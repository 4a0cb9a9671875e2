namespace NetGuard.Core.Capture;

/// <summary>A capture that cannot start or go on; the message names the cause for an operator.</summary>
public class CaptureException : Exception
{
    public CaptureException()
    {
    }

    public CaptureException(string message)
        : base(message)
    {
    }

    public CaptureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
