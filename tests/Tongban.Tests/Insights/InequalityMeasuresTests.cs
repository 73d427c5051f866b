using Tongban.Insights.Inequality;

namespace Tongban.Tests.Insights;

/// <summary>
/// Each summary measure against published examples where one was found (WHO's healthequal package, a regional
/// economics textbook, the R package ineq, the Julia package Inequality.jl), otherwise against examples worked out on
/// paper from its definition (derivations beside them); and the properties every inequality measure must have: none
/// between equal groups, indifference to the unit of the values where the measure is relative, and a sign that follows
/// the gradient.
/// </summary>
public sealed class InequalityMeasuresTests
{
    private const double Tolerance = 1e-4;

    /// <summary>
    /// Two equal halves with values 2 and 4: μ = 3; ranks 0.25 and 0.75 (x̄ = 0.5); the weighted line through
    /// (0.25, 2) and (0.75, 4) has slope 4 and value 1 at rank 0, so SII = 4 and RII = 5/1; ACI = 0.5·(−0.5)·2 +
    /// 0.5·0.5·4 = 0.5, RCI = 0.5/3; BGV = 0.5·1 + 0.5·1 = 1; MDM = 1; Theil = 0.5·(2/3)ln(2/3) + 0.5·(4/3)ln(4/3);
    /// MLD = 0.5·ln(3/2) + 0.5·ln(3/4); PAR = 4 − 3 = 1, PAF = 1/3; Gini = 2·(0.25·2) / (2·3) = 1/6.
    /// </summary>
    [Fact]
    public void TwoEqualHalves_GiveEveryMeasureItsWorkedValue()
    {
        var s = InequalityMeasures.Summarise([new("young", 2, 500), new("old", 4, 500)], ordered: true, higherIsBetter: true, share: false);

        Assert.Equal(3, s.Mean, Tolerance);
        Assert.Equal(2, s.Difference, Tolerance);
        Assert.Equal(2, s.Ratio!.Value, Tolerance);
        Assert.Equal(4, s.SlopeIndex!.Value, Tolerance);
        Assert.Equal(5, s.RelativeIndex!.Value, Tolerance);
        Assert.Equal(0.5, s.AbsoluteConcentrationIndex!.Value, Tolerance);
        Assert.Equal(0.5 / 3, s.RelativeConcentrationIndex!.Value, Tolerance);
        Assert.Equal(1, s.BetweenGroupVariance, Tolerance);
        Assert.Equal(1, s.MeanDifferenceFromMean, Tolerance);
        Assert.Equal((0.5 * (2.0 / 3) * Math.Log(2.0 / 3)) + (0.5 * (4.0 / 3) * Math.Log(4.0 / 3)), s.TheilIndex!.Value, Tolerance);
        Assert.Equal(0.056633, s.TheilIndex!.Value, Tolerance);
        Assert.Equal(0.058892, s.MeanLogDeviation!.Value, Tolerance);
        Assert.Equal(1, s.PopulationAttributableRisk, Tolerance);
        Assert.Equal(1.0 / 3, s.PopulationAttributableFraction!.Value, Tolerance);
        Assert.Equal(1.0 / 6, s.Gini!.Value, Tolerance);
    }

    /// <summary>
    /// Unequal shares change the ranks: 20 % at 10 and 80 % at 20. μ = 18; ranks 0.1 and 0.6; ACI = 0.2·(−0.8)·10 +
    /// 0.8·0.2·20 = 1.6, RCI = 1.6/18; x̄ = 0.5, Sxx = 0.2·0.16 + 0.8·0.01 = 0.04, Sxy = 0.2·(−0.4)(−8) + 0.8·0.1·2 =
    /// 0.8, SII = 20, value at rank 0 = 18 − 20·0.5 = 8, RII = 28/8; BGV = 0.2·64 + 0.8·4 = 16; MDM = 0.2·8 + 0.8·2 =
    /// 3.2; Gini = 2·0.2·0.8·10 / 36 = 0.0889; where lower is better (days to a decision) the reference is 10: PAR = −8.
    /// </summary>
    [Fact]
    public void UnequalShares_WeightEveryMeasure_AndLowerIsBetterPicksTheLowestAsReference()
    {
        var s = InequalityMeasures.Summarise([new("a", 10, 200), new("b", 20, 800)], ordered: true, higherIsBetter: false, share: false);

        Assert.Equal(18, s.Mean, Tolerance);
        Assert.Equal(1.6, s.AbsoluteConcentrationIndex!.Value, Tolerance);
        Assert.Equal(1.6 / 18, s.RelativeConcentrationIndex!.Value, Tolerance);
        Assert.Equal(20, s.SlopeIndex!.Value, Tolerance);
        Assert.Equal(28.0 / 8, s.RelativeIndex!.Value, Tolerance);
        Assert.Equal(16, s.BetweenGroupVariance, Tolerance);
        Assert.Equal(3.2, s.MeanDifferenceFromMean, Tolerance);
        Assert.Equal(0.0889, s.Gini!.Value, Tolerance);
        Assert.Equal(-8, s.PopulationAttributableRisk, Tolerance);
    }

    /// <summary>
    /// The example in the tests of WHO's R package healthequal 1.0.1 (tests/testthat/test-aci.R, test-rci.R,
    /// test-sii.R, test-rii.R, test-parisk.R, test-paf.R; AGPL-3, the figures only): five ordered subgroups with
    /// populations <c>round(rnorm(5, 100, 40))</c> after R's <c>set.seed(123)</c>, that is 78, 91, 162, 103 and 105,
    /// and estimates 20, 30, 40, 50 and 60 %. Its expected values, in percentage points there and shares here:
    /// ACI 7.3284202, RCI 0.17776859, SII 44.44502 and RII 3.159506 (its default, logistic model), PAR 18.775509 and
    /// PAF 45.544548 %.
    /// </summary>
    [Fact]
    public void WhoHealthequalExample_OrderedShares_GiveItsPublishedValues()
    {
        int[] populations = [78, 91, 162, 103, 105];
        var s = InequalityMeasures.Summarise([.. populations.Select((n, j) => new GroupEstimate($"Q{j + 1}", 0.2 + (0.1 * j), n))], ordered: true, higherIsBetter: true, share: true);

        Assert.Equal(0.073284202, s.AbsoluteConcentrationIndex!.Value, 1e-8);
        Assert.Equal(0.17776859, s.RelativeConcentrationIndex!.Value, 1e-7);
        Assert.Equal(0.4444502, s.SlopeIndex!.Value, 1e-7);
        Assert.Equal(3.159506, s.RelativeIndex!.Value, 1e-6);
        Assert.Equal(0.18775509, s.PopulationAttributableRisk, 1e-7);
        Assert.Equal(0.45544548, s.PopulationAttributableFraction!.Value, 1e-7);
    }

    /// <summary>
    /// The non-ordered example in the same package's tests (tests/testthat/test-bgv.R and test-mdmw.R): 25 subgroups
    /// with populations <c>round(rnorm(25, 1000, 300))</c> and estimates <c>rbinom(25, 1000, .065)</c> after R's
    /// <c>set.seed(123)</c> (the figures below, printed by R 4.2), and its expected values: a between-group variance of
    /// 46.198326 and a weighted mean difference from the mean of 5.8348689.
    /// </summary>
    [Fact]
    public void WhoHealthequalExample_NonOrdered_GivesItsPublishedBetweenGroupVarianceAndMeanDifference()
    {
        int[] populations = [832, 931, 1468, 1021, 1039, 1515, 1138, 620, 794, 866, 1367, 1108, 1120, 1033, 833, 1536, 1149, 410, 1210, 858, 680, 935, 692, 781, 812];
        int[] estimates = [61, 74, 58, 59, 72, 75, 74, 68, 75, 67, 73, 63, 66, 62, 60, 66, 71, 73, 71, 61, 74, 84, 55, 69, 60];
        var s = InequalityMeasures.Summarise([.. estimates.Select((y, j) => new GroupEstimate($"{j}", y, populations[j]))], ordered: false, higherIsBetter: true, share: false);

        Assert.Equal(46.198326, s.BetweenGroupVariance, 1e-6);
        Assert.Equal(5.8348689, s.MeanDifferenceFromMean, 1e-6);
    }

    /// <summary>
    /// Stoermann's example (Regionalökonomik, 2009), as the R package REAT documents it for its <c>theil</c> function,
    /// which is Theil's second measure, the mean log deviation: five equal regions with incomes 10, 10, 10, 20 and 50
    /// give 0.2326302 (μ = 20: (3 ln 2 + ln 1 + ln 0.4) / 5).
    /// </summary>
    [Fact]
    public void StoermannExample_GivesItsPublishedMeanLogDeviation()
    {
        double[] incomes = [10, 10, 10, 20, 50];
        var s = InequalityMeasures.Summarise([.. incomes.Select((v, j) => new GroupEstimate($"{j}", v, 1))], ordered: false, higherIsBetter: true, share: false);
        Assert.Equal(0.2326302, s.MeanLogDeviation!.Value, 1e-7);
    }

    /// <summary>
    /// The weighted examples in the documentation of Inequality.jl (a Julia package whose doctests check them): values
    /// 8, 5, 1, 3, 5, 6, 7, 6, 3 with weights 0.1, 0.2, … 0.9 give a Theil index of 0.08120013911680612 and a mean log
    /// deviation of 0.10375545537468207, both weighting each value by its share of the weights as HEAT weights a group
    /// by its share of the population.
    /// </summary>
    [Fact]
    public void InequalityJlWeightedExample_GivesItsPublishedTheilAndMeanLogDeviation()
    {
        double[] values = [8, 5, 1, 3, 5, 6, 7, 6, 3];
        var s = InequalityMeasures.Summarise([.. values.Select((v, j) => new GroupEstimate($"{j}", v, 0.1 * (j + 1)))], ordered: false, higherIsBetter: true, share: false);
        Assert.Equal(0.08120013911680612, s.TheilIndex!.Value, 1e-12);
        Assert.Equal(0.10375545537468207, s.MeanLogDeviation!.Value, 1e-12);
    }

    /// <summary>
    /// The example in the R package ineq's documentation, the income distribution of the USA in 1968 in ten equal
    /// classes (541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261): a Gini coefficient of 0.462091130267624.
    /// </summary>
    [Fact]
    public void IneqExample_TenIncomeClasses_GiveItsPublishedGini()
    {
        double[] incomes = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];
        var s = InequalityMeasures.Summarise([.. incomes.Select((v, j) => new GroupEstimate($"{j}", v, 1))], ordered: false, higherIsBetter: true, share: false);
        Assert.Equal(0.462091130267624, s.Gini!.Value, 1e-12);
    }

    /// <summary>A logistic model has no finite answer when every group is at 0, or when the groups are perfectly apart: no index rather than a wrong one.</summary>
    [Fact]
    public void SharesALogisticModelCannotFit_HaveNoSlopeOrRelativeIndex()
    {
        var none = InequalityMeasures.Summarise([new("a", 0, 100), new("b", 0, 100), new("c", 0, 100)], ordered: true, higherIsBetter: true, share: true);
        var apart = InequalityMeasures.Summarise([new("a", 0, 100), new("b", 0, 100), new("c", 1, 100), new("d", 1, 100)], ordered: true, higherIsBetter: true, share: true);
        Assert.Null(none.SlopeIndex);
        Assert.Null(apart.SlopeIndex);
        Assert.Null(apart.RelativeIndex);
        Assert.NotNull(apart.AbsoluteConcentrationIndex); // the other measures stand
    }

    /// <summary>Gini's textbook case, five equal people with 1, 2, 3, 4 and 5: mean difference 40/25 = 1.6 over 2·3, G = 0.2667.</summary>
    [Fact]
    public void FiveEqualPeople_OneToFive_HaveTheTextbookGini()
    {
        var s = InequalityMeasures.Summarise([.. Enumerable.Range(1, 5).Select(i => new GroupEstimate($"{i}", i, 1))], ordered: false, higherIsBetter: true, share: false);
        Assert.Equal(0.26667, s.Gini!.Value, Tolerance);
        Assert.Null(s.SlopeIndex); // not ordered: no gradient to speak of
        Assert.Null(s.AbsoluteConcentrationIndex);
    }

    [Fact]
    public void EqualGroups_ShowNoInequalityOnAnyMeasure()
    {
        var s = InequalityMeasures.Summarise([new("a", 0.7, 100), new("b", 0.7, 300), new("c", 0.7, 50)], ordered: true, higherIsBetter: true, share: true);
        Assert.All(new double?[] { s.Difference, s.SlopeIndex, s.AbsoluteConcentrationIndex, s.RelativeConcentrationIndex, s.BetweenGroupVariance, s.MeanDifferenceFromMean, s.TheilIndex, s.MeanLogDeviation, s.PopulationAttributableRisk, s.Gini },
            v => Assert.Equal(0, v!.Value, Tolerance));
        Assert.Equal(1, s.Ratio!.Value, Tolerance);
        Assert.Equal(1, s.RelativeIndex!.Value, Tolerance);
    }

    [Fact]
    public void RelativeMeasures_DoNotDependOnTheUnit_AndTheSignFollowsTheGradient()
    {
        GroupEstimate[] rates = [new("18-24", 0.9, 120), new("25-34", 0.8, 300), new("75+", 0.3, 40)];
        var perThousand = rates.Select(r => r with { Value = r.Value * 1000 }).ToList();
        var (a, b) = (InequalityMeasures.Summarise(rates, true, true, share: false), InequalityMeasures.Summarise(perThousand, true, true, share: false));

        Assert.Equal(a.RelativeConcentrationIndex!.Value, b.RelativeConcentrationIndex!.Value, Tolerance);
        Assert.Equal(a.TheilIndex!.Value, b.TheilIndex!.Value, Tolerance);
        Assert.Equal(a.MeanLogDeviation!.Value, b.MeanLogDeviation!.Value, Tolerance);
        Assert.Equal(a.Gini!.Value, b.Gini!.Value, Tolerance);
        Assert.Equal(a.Ratio!.Value, b.Ratio!.Value, Tolerance);
        Assert.True(a.SlopeIndex < 0); // falling with age
        Assert.True(a.AbsoluteConcentrationIndex < 0);
    }

    [Fact]
    public void AZeroGroup_LeavesTheLogMeasuresUndefined_NotInfinite()
    {
        var s = InequalityMeasures.Summarise([new("a", 0, 100), new("b", 1, 100)], ordered: false, higherIsBetter: true, share: false);
        Assert.Null(s.MeanLogDeviation);
        Assert.Null(s.Ratio);
        Assert.Equal(Math.Log(2), s.TheilIndex!.Value, Tolerance); // μ = 0.5: 0.5·(1/0.5)·ln 2, the zero group adding nothing
    }
}
