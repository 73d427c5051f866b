namespace Tongban.Insights;

/// <summary>What a source counts into: the groups of each resident, the department of each service, and where the twelve months start (UTC).</summary>
public sealed record InsightCounting(InsightCounter Counter, IReadOnlyDictionary<Guid, byte[]> Groups, Func<string, string?> DepartmentOf, DateTime Since)
{
    /// <summary>A resident's groups; someone unknown (a walk-in who gave no name) is not stated in every dimension.</summary>
    public byte[] GroupsOf(Guid? residentId) => residentId is { } id && Groups.TryGetValue(id, out var groups) ? groups : RefreshInsights.Unknown;
}

/// <summary>
/// A feature that adds its own records to the observatory's count (the halls their queue tickets) without the
/// observatory knowing its tables, so that it may use the observatory's groups without the two depending on each other.
/// </summary>
public interface IInsightSource
{
    Task Count(InsightCounting counting, CancellationToken cancellationToken);
}
