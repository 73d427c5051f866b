using Microsoft.EntityFrameworkCore;
using Tongban.Insights;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi;

/// <summary>How many of a partner's cases came from each group of one dimension; <see cref="Suppressed"/> holds the groups too small to show.</summary>
public sealed record ReachTable(string Dimension, IReadOnlyList<(string Group, int Cases)> Rows, IReadOnlySet<string> Suppressed);

/// <summary>Whom one partner reaches: its cases in all, by age band and by district.</summary>
public sealed record PartnerReachRow(string PartnerCode, int Cases, ReachTable ByAge, ReachTable ByDistrict);

/// <summary>
/// Who each partner brings to the city's services, by age band and district (the observatory's groups, for residents
/// who agreed to be counted; "unknown" otherwise): so that the city sees whether a super-app reaches the elders and the
/// outer districts or only those who were online already. Counts of cases, never people; groups under
/// <see cref="Suppression.MinimumCount"/> are not shown, and never only one of a table.
/// </summary>
public sealed class PartnerReach(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PartnerReachRow>> Handle(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var cases = await db.Cases.AsNoTracking().Where(c => c.PartnerCode != null)
            .Join(db.Residents, c => c.ResidentId, r => r.Id, (c, r) => new { c.PartnerCode, r.StatisticsConsent, r.DateOfBirth, r.DistrictCode })
            .GroupBy(x => new { x.PartnerCode, x.StatisticsConsent, x.DateOfBirth, x.DistrictCode })
            .Select(g => new { g.Key.PartnerCode, g.Key.StatisticsConsent, g.Key.DateOfBirth, g.Key.DistrictCode, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. cases.GroupBy(c => c.PartnerCode!, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal).Select(partner => new PartnerReachRow(
            partner.Key,
            partner.Sum(c => c.Cases),
            Table(Dimension.Age, partner.Select(c => (c.StatisticsConsent ? ResidentGroups.AgeBand(c.DateOfBirth, today) : Dimension.Unknown, c.Cases))),
            Table(Dimension.District, partner.Select(c => (c.StatisticsConsent ? c.DistrictCode ?? Dimension.Unknown : Dimension.Unknown, c.Cases)))))];
    }

    /// <summary>Every group of the dimension in its order (none reached is a finding too), then those not known.</summary>
    private static ReachTable Table(Dimension dimension, IEnumerable<(string Group, int Cases)> counted)
    {
        List<string> order = [.. dimension.Groups, Dimension.Unknown];
        var counts = order.ToDictionary(g => g, _ => 0, StringComparer.Ordinal);
        foreach (var (group, cases) in counted)
        {
            counts[group] = counts.GetValueOrDefault(group) + cases;
        }

        return new(dimension.Code, [.. counts.OrderBy(c => order.IndexOf(c.Key) is var i and >= 0 ? i : order.Count).Select(c => (c.Key, c.Value))], Suppression.Suppressed(counts));
    }
}
