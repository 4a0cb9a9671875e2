namespace NetGuard.Detection.Detectors;

/// <summary>The betting function of a conformal (p-value) martingale (Vovk et al. 2003; Fedorova et al. 2012).</summary>
public enum MartingaleKind
{
    /// <summary>Power martingale: bet ε·p^(ε−1) for a fixed ε in (0, 1).</summary>
    Power,

    /// <summary>Mixture martingale: the power bet averaged over ε uniform on [0, 1].</summary>
    Mixture,
}
