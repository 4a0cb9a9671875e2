using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Options;
using NetGuard.Alerting.Syslog.Formatting;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>The DataAnnotations of <see cref="SyslogOptions"/> plus the rules that span fields.</summary>
public sealed class SyslogOptionsValidator : IValidateOptions<SyslogOptions>
{
    /// <summary>sun_path holds 108 bytes on Linux, including the terminating NUL.</summary>
    private const int MaxUnixPathBytes = 107;

    /// <summary>The largest UDP payload over IPv4.</summary>
    private const int MaxUdpPayload = 65507;

    public ValidateOptionsResult Validate(string? name, SyslogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!TryValidateAnnotations(options, results))
        {
            failures.AddRange(results.Select(r => $"{SyslogOptions.Section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        Check(failures, Enum.IsDefined(options.Transport), "Transport", "expected unix, udp or tcp");
        Check(failures, options.Format is null || Enum.IsDefined(options.Format.Value), "Format", "expected rfc5424 or rfc3164");
        Check(failures, Enum.IsDefined(options.Facility), "Facility", "expected a facility name such as daemon or local0");
        Check(failures, Enum.IsDefined(options.MinimumLevel), "MinimumLevel", $"expected one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}");
        Check(failures, StructuredData.IsValidPrivateId(options.StructuredDataId), "StructuredDataId",
            "expected name@enterprise-number, at most 32 printable ASCII characters without '=', ']', '\"' or spaces (RFC 5424 section 7.2.2)");
        Check(failures, options.ReconnectDelay <= options.MaxReconnectDelay, "ReconnectDelay", "must not exceed MaxReconnectDelay");
        Check(failures, options.EffectiveFormat != SyslogFormat.Rfc3164 || (options.AppName.Length <= 32 && options.AppName.IndexOfAny(['[', ']', ':']) < 0), "AppName",
            "an RFC 3164 TAG holds at most 32 characters, without '[', ']' or ':'");
        Check(failures, options.Transport != SyslogTransport.Udp || options.MaxMessageBytes <= MaxUdpPayload, "MaxMessageBytes",
            $"a UDP datagram carries at most {MaxUdpPayload} bytes");
        if (options.Transport == SyslogTransport.Unix)
        {
            Check(failures, Encoding.UTF8.GetByteCount(options.EffectiveAddress) <= MaxUnixPathBytes, "Address",
                $"a unix socket path holds at most {MaxUnixPathBytes} bytes");
            Check(failures, !options.Enabled || !OperatingSystem.IsWindows(), "Transport",
                "unix datagram sockets are not available on Windows; use udp or tcp");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    public static void ThrowIfInvalid(SyslogOptions options)
    {
        var result = new SyslogOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SyslogOptions), result.Failures);
        }
    }

    /// <summary>
    /// The DataAnnotations check reads the attributes of <see cref="SyslogOptions"/> through
    /// reflection; <see cref="DynamicallyAccessedMembersAttribute"/> keeps its properties (and their
    /// attributes) in a trimmed, ahead-of-time compiled binary, so the warning does not apply.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "SyslogOptions' public properties are preserved by the annotation on T.")]
    private static bool TryValidateAnnotations<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T options, List<ValidationResult> results)
        where T : notnull =>
        Validator.TryValidateObject(options, new ValidationContext(options, typeof(T).Name, null, null), results, validateAllProperties: true);

    private static void Check(List<string> failures, bool valid, string key, string message)
    {
        if (!valid)
        {
            failures.Add($"{SyslogOptions.Section}:{key}: {message}");
        }
    }
}
