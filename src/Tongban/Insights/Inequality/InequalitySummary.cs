namespace Tongban.Insights.Inequality;

/// <summary>
/// The summary measures of a gap between groups, as the WHO Health Equity Assessment Toolkit (HEAT) reports them.
/// Measures that need ordered groups (slope and relative index, concentration indices) are null for unordered ones;
/// relative measures are null where the mean or a value is zero.
/// </summary>
public sealed record InequalitySummary(
    double Mean,
    double Difference,
    double? Ratio,
    double? SlopeIndex,
    double? RelativeIndex,
    double? AbsoluteConcentrationIndex,
    double? RelativeConcentrationIndex,
    double BetweenGroupVariance,
    double MeanDifferenceFromMean,
    double? TheilIndex,
    double? MeanLogDeviation,
    double PopulationAttributableRisk,
    double? PopulationAttributableFraction,
    double? Gini);
