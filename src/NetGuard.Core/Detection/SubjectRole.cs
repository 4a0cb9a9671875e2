namespace NetGuard.Core.Detection;

/// <summary>Whether an alert's subject is the sender ("source") or the receiver ("destination") of the traffic.</summary>
public enum SubjectRole
{
    Source,
    Destination,
}
