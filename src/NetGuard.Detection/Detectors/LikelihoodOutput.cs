namespace NetGuard.Detection.Detectors;

/// <summary>What <see cref="AnomalyLikelihood"/> reports.</summary>
public enum LikelihoodOutput
{
    /// <summary>1 − tail probability: values pile up within 1e-4 of 1 for anything unusual.</summary>
    Likelihood,

    /// <summary>Numenta's log scale, ln(tail + 1e-10)/ln(1e-10): 0.5 at a tail of 1e-5, 1 at 1e-10.</summary>
    LogLikelihood,
}
