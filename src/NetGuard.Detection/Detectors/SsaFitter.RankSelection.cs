namespace NetGuard.Detection.Detectors;

// Rank selection: the candidate count of basis vectors whose online one-step forecasts err least.
internal sealed partial class SsaFitter
{
    // Runs the online update of SsaForecaster for every candidate vector count at once over the
    // training window and returns the count with the least absolute one-step error after warm-up.
    private int SelectVectorCount(int n, int vectors)
    {
        var l = _l;
        var y = _y;
        Array.Clear(_error);
        Project(y.AsSpan(0, l), vectors);
        for (var v = 0; v < vectors; v++)
        {
            Accumulate(v);
            _smooth.AsSpan(1).CopyTo(_state.AsSpan(v * (l - 1), l - 1));
        }

        var evaluateFrom = (2 * l) - 1;
        for (var t = l - 1; t < n - 1; t++)
        {
            if (t + 1 >= evaluateFrom)
            {
                for (var v = 0; v < vectors; v++)
                {
                    var state = _state.AsSpan(v * (l - 1), l - 1);
                    var alpha = _alpha.AsSpan(v * (l - 1), l - 1);
                    double forecast = 0;
                    for (var j = 0; j < l - 1; j++)
                    {
                        forecast += alpha[j] * state[j];
                    }

                    _error[v] += Math.Abs(y[t + 1] - forecast);
                }
            }

            Project(y.AsSpan(t + 2 - l, l), vectors);
            for (var v = 0; v < vectors; v++)
            {
                Accumulate(v);
                SsaForecaster.UpdateState(_state.AsSpan(v * (l - 1), l - 1), _smooth);
            }
        }

        var best = 0;
        for (var v = 1; v < vectors; v++)
        {
            if (_nu2[v] < MaxVerticality && _error[v] < _error[best])
            {
                best = v;
            }
        }

        return best + 1;
    }

    private void Project(ReadOnlySpan<double> x, int vectors)
    {
        var l = _l;
        for (var v = 0; v < vectors; v++)
        {
            var u = _basis.AsSpan(v * l, l);
            double dot = 0;
            for (var j = 0; j < l; j++)
            {
                dot += u[j] * x[j];
            }

            _coeff[v] = dot;
        }

        Array.Clear(_smooth);
    }

    // Adds vector v's component to the running projection: after v, _smooth is the projection onto vectors 0..v.
    private void Accumulate(int v)
    {
        var l = _l;
        var u = _basis.AsSpan(v * l, l);
        var c = _coeff[v];
        for (var j = 0; j < l; j++)
        {
            _smooth[j] += c * u[j];
        }
    }
}
