namespace Tongban.Insights.Inequality;

/// <summary>One group's value of a measure.</summary>
/// <param name="Group">Its code, e.g. "75+".</param>
/// <param name="Value">The measure's value for the group (a rate, a share, a mean).</param>
/// <param name="Population">How many people the value is about: the group's weight in every summary.</param>
public sealed record GroupEstimate(string Group, double Value, double Population);
