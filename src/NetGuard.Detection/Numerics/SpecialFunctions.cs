namespace NetGuard.Detection.Numerics;

/// <summary>
/// The complementary error function and the standard normal tail, to double precision.
/// .NET has no erf; p-values of 1e-8 need relative, not absolute, accuracy in the tail, which the
/// usual 1e-7 polynomial approximations do not give.
/// </summary>
/// <remarks>
/// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
/// as published in netlib's SPECFUN (CALERF, 1990 revision): three rational approximations on
/// |x| ≤ 0.46875, ≤ 4 and above, with e^(−x²) split so that the exponent does not lose precision.
/// </remarks>
internal static class SpecialFunctions
{
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double InvSqrt2 = 0.70710678118654752440;

    // Beyond this erfc(x) underflows to zero in double precision.
    private const double ErfcZeroBeyond = 26.543;

    private static readonly double[] A = [3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1];
    private static readonly double[] B = [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];
    private static readonly double[] C = [
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8];
    private static readonly double[] D = [
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
        4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03];
    private static readonly double[] P = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
    private static readonly double[] Q = [2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

    /// <summary>erfc(x) = 1 − erf(x); NaN for NaN, 2 at −∞, 0 at +∞.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        if (y <= 0.46875)
        {
            var ysq = y > 1.11e-16 ? y * y : 0.0;
            double num = A[4] * ysq, den = ysq;
            for (var i = 0; i < 3; i++)
            {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }

            return 1.0 - (x * (num + A[3]) / (den + B[3]));
        }

        double result;
        if (y <= 4.0)
        {
            double num = C[8] * y, den = y;
            for (var i = 0; i < 7; i++)
            {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }

            result = ExpMinusSquare(y) * (num + C[7]) / (den + D[7]);
        }
        else if (y >= ErfcZeroBeyond)
        {
            result = 0.0;
        }
        else
        {
            var ysq = 1.0 / (y * y);
            double num = P[5] * ysq, den = ysq;
            for (var i = 0; i < 4; i++)
            {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }

            var r = ysq * (num + P[4]) / (den + Q[4]);
            result = ExpMinusSquare(y) * (InvSqrtPi - r) / y;
        }

        return x < 0 ? 2.0 - result : result;
    }

    /// <summary>P(Z ≥ z) for a standard normal Z, accurate in relative terms far into the upper tail.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z * InvSqrt2);

    // e^(−y²) computed as e^(−t²)·e^(−(y−t)(y+t)) with t = y rounded down to 1/16: y² itself would
    // carry a rounding error that the exponential multiplies by y².
    private static double ExpMinusSquare(double y)
    {
        var t = Math.Truncate(y * 16.0) / 16.0;
        var del = (y - t) * (y + t);
        return Math.Exp(-t * t) * Math.Exp(-del);
    }
}
