namespace Tongban.Insights.Inequality;

/// <summary>
/// The summary measures of health inequality, written once. Definitions follow the WHO Health Equity Assessment
/// Toolkit's technical notes (HEAT, version 5, "Summary measures of health inequality") and the WHO Handbook on health
/// inequality monitoring (2013), as WHO's own implementation of them computes them (the R package healthequal 1.0.1,
/// whose published test examples the tests reproduce); the Gini coefficient is Gini's mean difference over twice the
/// mean. In every formula p_j is group j's share of the population, n_j its size, y_j its value and μ = Σ p_j y_j the
/// population mean.
/// </summary>
public static class InequalityMeasures
{
    /// <param name="groups">The groups, in their natural order when <paramref name="ordered"/> (least to most advantaged, or youngest to oldest).</param>
    /// <param name="ordered">Whether the order means something (age bands) or not (districts).</param>
    /// <param name="higherIsBetter">True for take-up or completion, false for breaches or days to decision: picks the reference group.</param>
    /// <param name="share">Whether the values are shares from 0 to 1 (the slope and relative index then come from a logistic model, as HEAT's do) or means and rates (a linear one).</param>
    public static InequalitySummary Summarise(IReadOnlyList<GroupEstimate> groups, bool ordered, bool higherIsBetter, bool share)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var g = groups.Where(x => x.Population > 0).ToList();
        if (g.Count == 0)
        {
            throw new ArgumentException("At least one group with people is needed.", nameof(groups));
        }

        var total = g.Sum(x => x.Population);
        var p = g.Select(x => x.Population / total).ToArray();
        var y = g.Select(x => x.Value).ToArray();
        var mean = Mean(p, y);
        var (high, low) = (y.Max(), y.Min());
        var best = higherIsBetter ? high : low;
        double? slope = null, relative = null, aci = null, rci = null;
        if (ordered)
        {
            var ranks = Ranks(p);
            (slope, relative) = share
                ? LogisticSlopeAndRelativeIndex([.. g.Select(x => x.Population)], y, ranks)
                : SlopeAndRelativeIndex(p, y, ranks);
            aci = AbsoluteConcentrationIndex(p, y, ranks);
            rci = mean == 0 ? null : aci / mean;
        }

        return new InequalitySummary(
            mean,
            Difference: high - low,
            Ratio: low == 0 ? null : high / low,
            slope,
            relative,
            aci,
            rci,
            BetweenGroupVariance(p, y, mean),
            MeanDifferenceFromMean(p, y, mean),
            TheilIndex(p, y, mean),
            MeanLogDeviation(p, y, mean),
            PopulationAttributableRisk: best - mean,
            PopulationAttributableFraction: mean == 0 ? null : (best - mean) / mean,
            Gini(p, y, mean));
    }

    /// <summary>μ = Σ p_j y_j.</summary>
    public static double Mean(double[] p, double[] y) => p.Zip(y, (pj, yj) => pj * yj).Sum();

    /// <summary>Each group's relative rank: the midpoint of its cumulative population share, X_j = Σ_{k&lt;j} p_k + p_j / 2.</summary>
    public static double[] Ranks(double[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ranks = new double[p.Length];
        var below = 0.0;
        for (var j = 0; j < p.Length; j++)
        {
            ranks[j] = below + (p[j] / 2);
            below += p[j];
        }

        return ranks;
    }

    /// <summary>
    /// Slope index of inequality for means and rates: the slope of a population-weighted least-squares line of y_j on
    /// X_j, that is the predicted difference between the top (rank 1) and the bottom (rank 0); relative index: their
    /// ratio, (α + β) / α, null when the prediction at the bottom is zero or below (healthequal's <c>linear = TRUE</c>).
    /// </summary>
    public static (double Slope, double? Relative) SlopeAndRelativeIndex(double[] p, double[] y, double[] ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var xBar = Mean(p, ranks);
        var yBar = Mean(p, y);
        var sxx = 0.0;
        var sxy = 0.0;
        for (var j = 0; j < p.Length; j++)
        {
            sxx += p[j] * (ranks[j] - xBar) * (ranks[j] - xBar);
            sxy += p[j] * (ranks[j] - xBar) * (y[j] - yBar);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        var intercept = yBar - (slope * xBar);
        return (slope, intercept > 0 ? (intercept + slope) / intercept : null);
    }

    /// <summary>
    /// Slope and relative index of inequality for shares, as HEAT and healthequal fit them: a logistic regression of
    /// each group's successes, round(y_j n_j) out of n_j, on its rank X_j, each group's likelihood weighted by n_j
    /// (healthequal's <c>glm(cbind(y, ny) ~ rank, weights = pop, family = binomial)</c>, which so counts the population
    /// twice: kept, so that the figures are WHO's); SII = P(1) − P(0) and RII = P(1) / P(0) from the fitted P(X).
    /// Both null when the fit has no finite answer (every group at 0, or at 1, or groups perfectly apart).
    /// </summary>
    public static (double? Slope, double? Relative) LogisticSlopeAndRelativeIndex(double[] n, double[] y, double[] ranks)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(ranks);
        var successes = y.Select((v, j) => Math.Round(v * n[j], MidpointRounding.ToEven)).ToArray(); // R rounds half to even
        var overall = successes.Sum() / n.Sum();
        if (overall is <= 0 or >= 1)
        {
            return (null, null);
        }

        // Newton–Raphson on the log-likelihood Σ n_j [s_j ln P_j + (n_j − s_j) ln(1 − P_j)], P_j = 1 / (1 + e^−(a + b X_j)).
        var (a, b) = (Math.Log(overall / (1 - overall)), 0.0);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var j = 0; j < n.Length; j++)
            {
                var fitted = Logistic(a + (b * ranks[j]));
                var residual = n[j] * (successes[j] - (n[j] * fitted));
                var weight = n[j] * n[j] * fitted * (1 - fitted);
                (g0, g1) = (g0 + residual, g1 + (residual * ranks[j]));
                (h00, h01, h11) = (h00 + weight, h01 + (weight * ranks[j]), h11 + (weight * ranks[j] * ranks[j]));
            }

            var determinant = (h00 * h11) - (h01 * h01);
            if (determinant <= 0 || !double.IsFinite(determinant))
            {
                return (null, null);
            }

            var (stepA, stepB) = (((h11 * g0) - (h01 * g1)) / determinant, ((h00 * g1) - (h01 * g0)) / determinant);
            (a, b) = (a + stepA, b + stepB);
            if (Math.Abs(stepA) + Math.Abs(stepB) < 1e-10)
            {
                var (top, bottom) = (Logistic(a + b), Logistic(a));
                return (top - bottom, bottom > 0 ? top / bottom : null);
            }
        }

        return (null, null);
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Absolute concentration index, ACI = Σ p_j (2 X_j − 1) y_j; the relative index is ACI / μ.</summary>
    public static double AbsoluteConcentrationIndex(double[] p, double[] y, double[] ranks)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(ranks);
        return p.Select((pj, j) => pj * ((2 * ranks[j]) - 1) * y[j]).Sum();
    }

    /// <summary>Between-group variance, BGV = Σ p_j (y_j − μ)².</summary>
    public static double BetweenGroupVariance(double[] p, double[] y, double mean) =>
        p.Zip(y, (pj, yj) => pj * (yj - mean) * (yj - mean)).Sum();

    /// <summary>Mean difference from the mean, weighted: MDM = Σ p_j |y_j − μ|.</summary>
    public static double MeanDifferenceFromMean(double[] p, double[] y, double mean) =>
        p.Zip(y, (pj, yj) => pj * Math.Abs(yj - mean)).Sum();

    /// <summary>Theil index, T = Σ p_j (y_j / μ) ln(y_j / μ), a group with y_j = 0 adding nothing; null when μ = 0.</summary>
    public static double? TheilIndex(double[] p, double[] y, double mean) =>
        mean <= 0 ? null : p.Zip(y, (pj, yj) => yj <= 0 ? 0 : pj * (yj / mean) * Math.Log(yj / mean)).Sum();

    /// <summary>Mean log deviation, MLD = Σ p_j (−ln(y_j / μ)); null when μ or any y_j is zero.</summary>
    public static double? MeanLogDeviation(double[] p, double[] y, double mean) =>
        mean <= 0 || y.Any(v => v <= 0) ? null : p.Zip(y, (pj, yj) => -pj * Math.Log(yj / mean)).Sum();

    /// <summary>Gini coefficient between groups, G = Σ_i Σ_j p_i p_j |y_i − y_j| / (2μ); null when μ = 0.</summary>
    public static double? Gini(double[] p, double[] y, double mean)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        if (mean <= 0)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = 0; j < p.Length; j++)
            {
                sum += p[i] * p[j] * Math.Abs(y[i] - y[j]);
            }
        }

        return sum / (2 * mean);
    }
}
