namespace NetGuard.Detection.Detectors;

/// <summary>A transform applied to each value before a robust detector sees it.</summary>
public enum ValueTransform
{
    /// <summary>The value as it is.</summary>
    None,

    /// <summary>sign(x)·log(1 + |x|): compresses the heavy upper tail of counts and rates; defined for any sign.</summary>
    Log1p,
}
