using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Ratings.Helpful;

/// <summary>One service page's answers: how many, how many found it helpful, and the reasons of the rest. Null counts: fewer than <see cref="RatingFigures.Smallest"/>, suppressed.</summary>
public sealed record PageFeedbackRow(string ServiceCode, int Answers, int? Helpful, IReadOnlyDictionary<PageFeedbackReason, int>? Reasons)
{
    public bool Suppressed => Helpful is null;

    public double? HelpfulShare => Suppressed ? null : (double)Helpful!.Value / Answers;
}

/// <summary>The open figures of "was this page helpful?" by service page, apart from the ratings of services.</summary>
public sealed class PageFeedbackFigures(AppDbContext db)
{
    public async Task<IReadOnlyList<PageFeedbackRow>> Handle(CancellationToken cancellationToken)
    {
        var counts = await db.PageFeedback.AsNoTracking()
            .GroupBy(f => new { f.ServiceCode, f.Helpful, f.Reason })
            .Select(g => new { g.Key.ServiceCode, g.Key.Helpful, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.ServiceCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(page =>
        {
            var answers = page.Sum(c => c.Count);
            return answers < RatingFigures.Smallest
                ? new PageFeedbackRow(page.Key, answers, null, null)
                : new PageFeedbackRow(page.Key, answers, page.Where(c => c.Helpful).Sum(c => c.Count),
                    Enum.GetValues<PageFeedbackReason>().ToDictionary(r => r, r => page.Where(c => c.Reason == r).Sum(c => c.Count)));
        }).ToList();
    }
}
