namespace NetGuard.Remediation;

/// <summary>The firewall cannot be prepared (missing tool, no permission): the service must not claim to be running.</summary>
public sealed class RemediationUnavailableException : Exception
{
    public RemediationUnavailableException()
    {
    }

    public RemediationUnavailableException(string message)
        : base(message)
    {
    }

    public RemediationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
