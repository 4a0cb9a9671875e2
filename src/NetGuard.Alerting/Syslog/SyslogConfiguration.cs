using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>
/// Reads <c>NetGuard:Alerts:Syslog</c> from configuration into validated <see cref="SyslogOptions"/>.
/// Keys and enum names are case-insensitive ("unix", "rfc5424", "local0"); durations are hh:mm:ss;
/// an empty Address or Format means the default for the transport. Every problem (unknown key,
/// unreadable value, invalid combination) is reported at once, with its full key.
/// </summary>
public static class SyslogConfiguration
{
    private static readonly Dictionary<string, (string Expected, Func<SyslogOptions, string, bool> Set)> Keys =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(SyslogOptions.Enabled)] = ("true or false", static (o, v) => Parse<bool>(v, bool.TryParse, x => o.Enabled = x)),
            [nameof(SyslogOptions.Transport)] = ("unix, udp or tcp", static (o, v) => ParseEnum<SyslogTransport>(v, x => o.Transport = x)),
            [nameof(SyslogOptions.Address)] = ("a socket path or host", static (o, v) => Set(() => o.Address = v.Length == 0 ? null : v)),
            [nameof(SyslogOptions.Port)] = ("a whole number", static (o, v) => ParseInt(v, x => o.Port = x)),
            [nameof(SyslogOptions.Format)] = ("rfc5424 or rfc3164", static (o, v) =>
                v.Length == 0 ? Set(() => o.Format = null) : ParseEnum<SyslogFormat>(v, x => o.Format = x)),
            [nameof(SyslogOptions.Facility)] = ("a facility name such as daemon or local0", static (o, v) => ParseEnum<SyslogFacility>(v, x => o.Facility = x)),
            [nameof(SyslogOptions.AppName)] = ("a name", static (o, v) => Set(() => o.AppName = v)),
            [nameof(SyslogOptions.MinimumLevel)] = ("Verbose, Debug, Information, Warning, Error or Fatal", static (o, v) =>
                ParseEnum<LogEventLevel>(v, x => o.MinimumLevel = x)),
            [nameof(SyslogOptions.BufferEvents)] = ("a whole number", static (o, v) => ParseInt(v, x => o.BufferEvents = x)),
            [nameof(SyslogOptions.MaxMessageBytes)] = ("a whole number", static (o, v) => ParseInt(v, x => o.MaxMessageBytes = x)),
            [nameof(SyslogOptions.StructuredDataId)] = ("name@enterprise-number", static (o, v) => Set(() => o.StructuredDataId = v)),
            [nameof(SyslogOptions.FlushTimeout)] = ("a duration hh:mm:ss", static (o, v) => ParseDuration(v, x => o.FlushTimeout = x)),
            [nameof(SyslogOptions.ReconnectDelay)] = ("a duration hh:mm:ss", static (o, v) => ParseDuration(v, x => o.ReconnectDelay = x)),
            [nameof(SyslogOptions.MaxReconnectDelay)] = ("a duration hh:mm:ss", static (o, v) => ParseDuration(v, x => o.MaxReconnectDelay = x)),
            [nameof(SyslogOptions.SendTimeout)] = ("a duration hh:mm:ss", static (o, v) => ParseDuration(v, x => o.SendTimeout = x)),
        };

    private delegate bool TryParser<T>(string value, out T result);

    /// <summary>Reads and validates the section; throws <see cref="OptionsValidationException"/> naming every bad key.</summary>
    public static SyslogOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SyslogOptions();
        var failures = new List<string>();
        foreach (var child in configuration.GetSection(SyslogOptions.Section).GetChildren())
        {
            if (!Keys.TryGetValue(child.Key, out var key))
            {
                failures.Add($"{child.Path}: unknown key (known keys: {string.Join(", ", Keys.Keys)})");
            }
            else if (child.Key is nameof(SyslogOptions.Format) or nameof(SyslogOptions.Address) && string.IsNullOrWhiteSpace(child.Value))
            {
                // Empty (null in JSON) means the documented default: the format and address follow the transport.
                options.Format = child.Key == nameof(SyslogOptions.Format) ? null : options.Format;
                options.Address = child.Key == nameof(SyslogOptions.Address) ? null : options.Address;
            }
            else if (child.Value is not { } value || !key.Set(options, value.Trim()))
            {
                failures.Add($"{child.Path} = {child.Value}: expected {key.Expected}");
            }
        }

        var result = new SyslogOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            failures.AddRange(result.Failures);
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SyslogOptions), failures);
        }

        return options;
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static bool Parse<T>(string value, TryParser<T> parse, Action<T> assign)
    {
        if (!parse(value, out var result))
        {
            return false;
        }

        assign(result);
        return true;
    }

    private static bool ParseInt(string value, Action<int> assign) =>
        Parse(value, static (string s, out int x) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out x), assign);

    private static bool ParseDuration(string value, Action<TimeSpan> assign) =>
        Parse(value, static (string s, out TimeSpan x) => TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out x), assign);

    /// <summary>Names only: a number would silently pick whatever enum member has that value.</summary>
    private static bool ParseEnum<T>(string value, Action<T> assign)
        where T : struct, Enum =>
        value.Length > 0 && char.IsAsciiLetter(value[0])
        && Parse(value, static (string s, out T x) => Enum.TryParse(s, ignoreCase: true, out x) && Enum.IsDefined(x), assign);
}
