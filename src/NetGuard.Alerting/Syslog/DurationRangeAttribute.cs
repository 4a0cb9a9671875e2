using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace NetGuard.Alerting.Syslog;

/// <summary>
/// A <see cref="TimeSpan"/> between two limits, inclusive. <c>[Range(typeof(TimeSpan), ...)]</c> says
/// the same but converts through reflection, which the ahead-of-time compiled daemon cannot promise.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan duration || (duration >= Minimum && duration <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"The field {name} must be between {Minimum} and {Maximum}.");
}
