using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Cases.Queue;

/// <summary>What an officer narrows her queue by; every filter optional. <paramref name="After"/> is the cursor of the previous page's last case.</summary>
public sealed record QueueFilter(string? Service, CaseStatus? Status, Channel? Channel, bool? Assisted, DateOnly? DueBy, string? After = null);

/// <summary>One page of the queue. <see cref="Total"/> is counted up to <see cref="ListDepartmentCases.CountLimit"/> (then "or more").</summary>
public sealed record QueuePage(IReadOnlyList<Case> Cases, int Total, string? Next);

/// <summary>
/// A department's cases, soonest deadline first, filtered and paged by key (deadline, submission time,
/// reference) rather than by offset, so that the hundredth page costs what the first does; the count stops
/// at <see cref="CountLimit"/>, as nobody reads further than that and counting all is what grows.
/// </summary>
public sealed class ListDepartmentCases(AppDbContext db)
{
    public const int PageSize = 50;
    public const int CountLimit = 1000;

    public async Task<QueuePage> Handle(IReadOnlyCollection<string> departmentServices, QueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Cases.AsNoTracking().Where(c => departmentServices.Contains(c.ServiceCode));
        if (filter.Service is { Length: > 0 } service)
        {
            query = query.Where(c => c.ServiceCode == service);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (filter.Assisted is { } assisted)
        {
            query = assisted ? query.Where(c => c.ActorKind != Platform.Audit.ActorKind.Resident) : query.Where(c => c.ActorKind == Platform.Audit.ActorKind.Resident);
        }

        if (filter.DueBy is { } dueBy)
        {
            query = query.Where(c => c.DueOn <= dueBy);
        }

        var total = await query.Take(CountLimit).CountAsync(cancellationToken);
        if (Cursor.Parse(filter.After) is var (due, submitted, reference))
        {
            query = query.Where(c => c.DueOn > due || (c.DueOn == due && (c.SubmittedAt > submitted || (c.SubmittedAt == submitted && c.Reference.CompareTo(reference) > 0))));
        }

        var cases = await query.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Reference).Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = cases.Count > PageSize ? Cursor.Of(cases[PageSize - 1]) : null;
        return new(cases.Take(PageSize).ToList(), total, next);
    }

    /// <summary>The position after a case in the queue's order, as a short URL-safe text.</summary>
    public static class Cursor
    {
        public static string Of(Case last) => last is null ? throw new ArgumentNullException(nameof(last)) : string.Create(CultureInfo.InvariantCulture, $"{last.DueOn:yyyyMMdd}.{last.SubmittedAt.Ticks}.{last.Reference}");

        public static (DateOnly, DateTime, string)? Parse(string? text) =>
            text?.Split('.') is [var day, var ticks, var reference]
            && DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= DateTime.MaxValue.Ticks
            && CaseReference.Normalize(reference) is { } normalized
                ? (due, new DateTime(t, DateTimeKind.Utc), normalized)
                : null;
    }
}
