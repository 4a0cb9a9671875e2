using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NetGuard.Aggregation;
using NetGuard.Alerting.Syslog;
using NetGuard.Core.Capture;
using NetGuard.Core.Packets;
using NetGuard.Core.Detection;
using NetGuard.Detection;
using NetGuard.Remediation;
using NetGuard.Detection.Hosts;
using NetGuard.Hosting.Metrics;

namespace NetGuard.Configuration;

/// <summary>
/// Builds NetGuard's configuration: the embedded defaults (config/netguard.json), then the
/// operator's file, then <c>NetGuard__*</c> environment variables; and binds and validates sections.
/// </summary>
internal static class NetGuardConfiguration
{
    public const string DefaultResource = "netguard.default.json";

    public static IConfigurationRoot Build(string? file)
    {
        var builder = new ConfigurationBuilder().AddJsonStream(OpenDefaults());
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new ConfigurationException($"{file}: configuration file not found.");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            throw new ConfigurationException($"{file}: not valid JSON: {(e.InnerException ?? e).Message}", e);
        }

        RejectShapeConflicts(configuration);
        return configuration;
    }

    /// <summary>
    /// A list or object given for a key whose default is a single value ("Port": [514]) merges with
    /// the embedded default instead of replacing it, and the binder would quietly keep the default;
    /// a single value given for a list or object is refused too. The embedded defaults say which is which.
    /// </summary>
    private static void RejectShapeConflicts(IConfiguration configuration)
    {
        using var defaults = JsonDocument.Parse(OpenDefaults());
        Walk(defaults.RootElement, "");

        void Walk(JsonElement element, string path)
        {
            // The other way round: a single value where a list or an object belongs. The generated
            // binder leaves such a key at its default without a word, so it is refused here. (An empty
            // list or object in JSON reads as an empty value: that is no conflict.)
            if (path.Length > 0 && element.ValueKind is JsonValueKind.Array or JsonValueKind.Object
                && configuration.GetSection(path).Value is { Length: > 0 } single)
            {
                throw new ConfigurationException(element.ValueKind == JsonValueKind.Array
                    ? $"{path} = {single}: expected a list [...]"
                    : $"{path} = {single}: expected an object {{...}}");
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + ":" + property.Name);
                }
            }
            else if (element.ValueKind != JsonValueKind.Array && configuration.GetSection(path).GetChildren().Any())
            {
                throw new ConfigurationException($"{path}: expected a single value, not a list or object");
            }
        }
    }

    /// <summary>"KEY = VALUE: expected TYPE" for a conversion failure; the binder's own words otherwise (unknown keys).</summary>
    private static string DescribeBindError<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IConfiguration configuration, string section, InvalidOperationException e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, "value (?:'[^']*' )?at '([^']+)' to type '([^']+)'");
        if (!match.Success)
        {
            var unknown = System.Text.RegularExpressions.Regex.Match(e.Message, "were not found on the instance of [^:]+: (.+)$");
            if (unknown.Success)
            {
                var known = string.Join(", ", typeof(T).GetProperties().Select(p => p.Name));
                return $"{section}: unknown key {unknown.Groups[1].Value.Trim()} (known keys: {known})";
            }

            return $"{section}: {e.Message}";
        }

        var key = match.Groups[1].Value;
        var property = typeof(T).GetProperty(key[(key.LastIndexOf(':') + 1)..]);
        if (property?.PropertyType is { IsEnum: true } enumType)
        {
            return $"{key} = {configuration[key]}: expected one of {string.Join(", ", Enum.GetNames(enumType))}";
        }

        var type = match.Groups[2].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration hh:mm:ss",
            var list when list.StartsWith("System.Collections.Generic.IList", StringComparison.Ordinal) => "a list [...]",
            var map when map.StartsWith("System.Collections.Generic.IDictionary", StringComparison.Ordinal) => "an object {...}",
            var other => other,
        };
        return $"{key} = {configuration[key]}: expected {type}";
    }

    public static Stream OpenDefaults() =>
        typeof(NetGuardConfiguration).Assembly.GetManifestResourceStream(DefaultResource)
        ?? throw new InvalidOperationException($"The embedded resource {DefaultResource} is missing from the build.");

    public static CaptureOptions Capture(IConfiguration configuration) => Bind(configuration, CaptureOptions.Section, static (IConfiguration c, CaptureOptions o, Action<BinderOptions> b) => c.Bind(o, b));

    public static AggregationOptions Aggregation(IConfiguration configuration) => Bind(configuration, AggregationOptions.Section, static (IConfiguration c, AggregationOptions o, Action<BinderOptions> b) => c.Bind(o, b));

    /// <summary>NetGuard:Alerts:Syslog, validated by the sink's own rules.</summary>
    public static SyslogOptions Syslog(IConfiguration configuration)
    {
        try
        {
            return SyslogConfiguration.Read(configuration);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            throw new ConfigurationException(string.Join("; ", e.Failures), e);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"NetGuard:Alerts:Syslog: {e.Message}", e);
        }
    }

    public static StateOptions State(IConfiguration configuration) => Bind(configuration, StateOptions.Section, static (IConfiguration c, StateOptions o, Action<BinderOptions> b) => c.Bind(o, b));

    public static MetricsOptions Metrics(IConfiguration configuration)
    {
        var options = Bind(configuration, MetricsOptions.Section, static (IConfiguration c, MetricsOptions o, Action<BinderOptions> b) => c.Bind(o, b));
        if (options.IsOn() && !MetricsEndpoint.TryParse(options.Listen, out _, out var error))
        {
            throw new ConfigurationException($"{MetricsOptions.Section}:Listen = {options.Listen}: {error}");
        }

        return options;
    }

    public static RemediationOptions Remediation(IConfiguration configuration)
    {
        var options = Bind(configuration, RemediationOptions.Section, static (IConfiguration c, RemediationOptions o, Action<BinderOptions> b) => c.Bind(o, b));
        for (var i = 0; i < options.Allowlist.Count; i++)
        {
            if (!NetPrefix.TryParse(options.Allowlist[i], out _))
            {
                throw new ConfigurationException($"{RemediationOptions.Section}:Allowlist:{i} = {options.Allowlist[i]}: expected an address or prefix like 192.0.2.0/24");
            }
        }

        foreach (var kind in options.KindModes.Keys)
        {
            if (!AttackKindNames.TryParse(kind, out _))
            {
                throw new ConfigurationException($"{RemediationOptions.Section}:KindModes:{kind}: unknown attack kind (known: {string.Join(", ", Enum.GetValues<AttackKind>().Select(k => k.Name()))})");
            }
        }

        if (options.ToolDirectory.Length > 0 && (!Path.IsPathFullyQualified(options.ToolDirectory) || options.ToolDirectory.Any(char.IsControl)))
        {
            throw new ConfigurationException($"{RemediationOptions.Section}:ToolDirectory = {options.ToolDirectory}: expected an absolute directory like /usr/sbin, or empty for PATH");
        }

        foreach (var (key, value) in new[] { ("DefaultTtl", options.DefaultTtl), ("MaxTtl", options.MaxTtl), ("EnforcerTimeout", options.EnforcerTimeout), ("ReconcileInterval", options.ReconcileInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ConfigurationException($"{RemediationOptions.Section}:{key} = {value}: expected a positive duration hh:mm:ss");
            }
        }

        return options;
    }

    public static DetectionOptions Detection(IConfiguration configuration)
    {
        var options = Bind(configuration, DetectionOptions.Section, static (IConfiguration c, DetectionOptions o, Action<BinderOptions> b) => c.Bind(o, b));
        for (var i = 0; i < options.Thresholds.Count; i++)
        {
            var rule = options.Thresholds[i];
            if (!NetPrefix.TryParse(rule.Network, out _))
            {
                throw new ConfigurationException($"{DetectionOptions.Section}:Thresholds:{i}:Network = {rule.Network}: expected an address or prefix like 203.0.113.0/24");
            }

            if (!Enum.GetValues<HostMetric>().Any(m => m.Name() == rule.Metric))
            {
                throw new ConfigurationException($"{DetectionOptions.Section}:Thresholds:{i}:Metric = {rule.Metric}: expected one of {string.Join(", ", Enum.GetValues<HostMetric>().Select(m => m.Name()))}");
            }

            if (!(rule.PerSecond >= 1))
            {
                throw new ConfigurationException($"{DetectionOptions.Section}:Thresholds:{i}:PerSecond = {rule.PerSecond}: expected a rate of at least 1");
            }
        }

        return options;
    }

    /// <summary>
    /// The DataAnnotations check reads the option type's attributes through reflection; the annotation
    /// on T keeps its properties (and their attributes) in the trimmed, ahead-of-time compiled binary.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The option type's public properties are preserved by the annotation on T.")]
    private static bool TryValidateAnnotations<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T options, List<ValidationResult> results)
        where T : notnull =>
        Validator.TryValidateObject(options, new ValidationContext(options, typeof(T).Name, null, null), results, validateAllProperties: true);

    /// <summary>Binds a section, turning binder and validation failures into messages that name the key.</summary>
    /// <remarks>
    /// <paramref name="bind"/> is a call of <c>ConfigurationBinder.Bind</c> on the concrete type, written at
    /// the call site so that the binding source generator (no reflection, safe ahead of time) replaces it.
    /// </remarks>
    public static T Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IConfiguration configuration, string section, Action<IConfiguration, T, Action<BinderOptions>> bind)
        where T : class, new()
    {
        var options = new T();
        try
        {
            bind(configuration.GetSection(section), options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(DescribeBindError<T>(configuration, section, e), e);
        }

        var results = new List<ValidationResult>();
        if (!TryValidateAnnotations(options, results))
        {
            var first = results[0];
            var key = first.MemberNames.FirstOrDefault() ?? "?";
            var value = typeof(T).GetProperty(key)?.GetValue(options);
            throw new ConfigurationException($"{section}:{key} = {value}: {first.ErrorMessage}");
        }

        return options;
    }
}
