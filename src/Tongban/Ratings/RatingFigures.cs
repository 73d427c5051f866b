using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Ratings;

/// <summary>The published figures of one department or one service. Null counts: fewer than <see cref="RatingFigures.Smallest"/> ratings, suppressed.</summary>
/// <param name="Code">The department's or the service's code.</param>
/// <param name="Ratings">How many ratings count (an upheld appeal removes one).</param>
/// <param name="Levels">How many ratings gave each level, index 0 for 1 (非常不满意) to 4 for 5 (非常满意).</param>
/// <param name="BadReviews">Ratings of 1 or 2.</param>
/// <param name="Answered">Bad reviews whose first round the department has answered.</param>
/// <param name="AnsweredOnTime">Of those, answered by the last day.</param>
public sealed record RatingRow(string Code, int Ratings, IReadOnlyList<int>? Levels, int? BadReviews, int? Answered, int? AnsweredOnTime)
{
    public bool Suppressed => Levels is null;

    public double? BadShare => Suppressed || Ratings == 0 ? null : (double)BadReviews!.Value / Ratings;

    public double? OnTimeShare => Suppressed || Answered is not > 0 ? null : (double)AnsweredOnTime!.Value / Answered.Value;
}

/// <summary>A rectification as published: which service, when answered, and what was found and changed. Never her name or her words.</summary>
public sealed record PublishedRectification(string ServiceCode, string DepartmentCode, DateTime AnsweredAt, bool OnTime, string Found, string Changed);

/// <summary>
/// The open figures of 好差评 by department and by service: the distribution of levels, the share of bad reviews, and
/// how many bad reviews were answered on time. Ratings an upheld appeal removed do not count. A department or service
/// with fewer than 10 ratings shows only that it has too few, so that no one rating can be picked out.
/// </summary>
public sealed class RatingFigures(AppDbContext db)
{
    public const int Smallest = 10;

    public async Task<(IReadOnlyList<RatingRow> Departments, IReadOnlyList<RatingRow> Services)> Handle(CancellationToken cancellationToken)
    {
        var counts = await db.Ratings.AsNoTracking().Where(r => r.ExcludedAt == null)
            .GroupBy(r => new { r.DepartmentCode, r.ServiceCode, r.Level })
            .Select(g => new { g.Key.DepartmentCode, g.Key.ServiceCode, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var answered = (await db.Rectifications.AsNoTracking().Where(r => r.Round == 1 && r.AnsweredAt != null)
            .Join(db.Ratings.Where(g => g.ExcludedAt == null), r => r.RatingId, g => g.Id, (r, _) => new { r.DepartmentCode, r.ServiceCode, r.AnsweredAt, r.AnswerDueOn })
            .ToListAsync(cancellationToken))
            .Select(r => (r.DepartmentCode, r.ServiceCode, OnTime: DateOnly.FromDateTime(Platform.Calendar.CityTime.Local(r.AnsweredAt!.Value)) <= r.AnswerDueOn))
            .ToList();

        RatingRow Row(string code, Func<string, string, bool> belongs)
        {
            var levels = Enumerable.Range(1, 5).Select(level => counts.Where(c => c.Level == level && belongs(c.DepartmentCode, c.ServiceCode)).Sum(c => c.Count)).ToList();
            var total = levels.Sum();
            if (total < Smallest)
            {
                return new(code, total, null, null, null, null);
            }

            var mine = answered.Where(a => belongs(a.DepartmentCode, a.ServiceCode)).ToList();
            return new(code, total, levels, levels[0] + levels[1], mine.Count, mine.Count(a => a.OnTime));
        }

        var departments = counts.Select(c => c.DepartmentCode).Distinct().Order(StringComparer.Ordinal)
            .Select(d => Row(d, (department, _) => department == d)).ToList();
        var services = counts.Select(c => c.ServiceCode).Distinct().Order(StringComparer.Ordinal)
            .Select(s => Row(s, (_, service) => service == s)).ToList();
        return (departments, services);
    }

    /// <summary>The latest answered rectifications, newest first: what the city learnt from bad reviews.</summary>
    public async Task<IReadOnlyList<PublishedRectification>> Latest(int count, CancellationToken cancellationToken) =>
        (await db.Rectifications.AsNoTracking().Where(r => r.AnsweredAt != null)
            .Join(db.Ratings.Where(g => g.ExcludedAt == null), r => r.RatingId, g => g.Id, (r, _) => r)
            .OrderByDescending(r => r.AnsweredAt).Take(count).ToListAsync(cancellationToken))
        .Select(r => new PublishedRectification(r.ServiceCode, r.DepartmentCode, r.AnsweredAt!.Value, r.OnTime, r.Found ?? "", r.Changed ?? ""))
        .ToList();
}
