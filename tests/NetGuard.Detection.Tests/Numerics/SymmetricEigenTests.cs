using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Tests.Numerics;

public class SymmetricEigenTests
{
    [Fact]
    public void Decompose_TwoByTwo_MatchesHandSolution()
    {
        // [[2, 1], [1, 2]]: eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2.
        var eigen = new SymmetricEigen(2);
        eigen.Decompose([2, 1, 1, 2]);
        Assert.Equal(3.0, eigen.Values[0], 14);
        Assert.Equal(1.0, eigen.Values[1], 14);
        Assert.Equal(1.0, Math.Abs(eigen.Vector(0)[0] + eigen.Vector(0)[1]) / Math.Sqrt(2), 14);
        Assert.Equal(0.0, eigen.Vector(0)[0] - eigen.Vector(0)[1], 14);
    }

    [Fact]
    public void Decompose_SixBySixIndefinite_MatchesNumpyAndSatisfiesDefinition()
    {
        double[] a =
        [
            4, 1, -2, 2, 0, 1,
            1, 2, 0, 1, 3, 0,
            -2, 0, 3, -2, 1, 1,
            2, 1, -2, -1, 0, 2,
            0, 3, 1, 0, 5, -1,
            1, 0, 1, 2, -1, 1,
        ];

        // numpy 1.24.2 linalg.eigh(A), reversed to largest first.
        double[] expected = [7.1059812032690575, 6.98580996777655, 2.820389037217398, 0.5679677931197435, -0.261799086837549, -3.2183489145451976];

        var eigen = new SymmetricEigen(6);
        eigen.Decompose(a);
        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(expected[k], eigen.Values[k], 12);
            var v = eigen.Vector(k);
            for (var i = 0; i < 6; i++)
            {
                double av = 0;
                for (var j = 0; j < 6; j++)
                {
                    av += a[(i * 6) + j] * v[j];
                }

                Assert.Equal(expected[k] * v[i], av, 12);
            }

            for (var m = 0; m < 6; m++)
            {
                double dot = 0;
                for (var i = 0; i < 6; i++)
                {
                    dot += v[i] * eigen.Vector(m)[i];
                }

                Assert.Equal(k == m ? 1.0 : 0.0, dot, 12);
            }
        }
    }

    [Fact]
    public void Decompose_ZeroAndDiagonal_NeedNoSweepAndKeepOrder()
    {
        var eigen = new SymmetricEigen(3);
        Assert.Equal(0, eigen.Decompose(new double[9]));
        Assert.Equal(0, eigen.Decompose([1, 0, 0, 0, 5, 0, 0, 0, 3]));
        Assert.Equal([5.0, 3.0, 1.0], eigen.Values.ToArray());
    }
}
