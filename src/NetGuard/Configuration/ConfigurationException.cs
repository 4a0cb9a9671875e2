namespace NetGuard.Configuration;

/// <summary>A configuration that cannot be used; the message names the key, the value and what is allowed.</summary>
internal sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
