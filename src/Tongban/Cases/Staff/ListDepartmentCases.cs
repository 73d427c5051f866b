using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Cases.Staff;

/// <summary>What an officer narrows her queue by; every filter optional.</summary>
public sealed record QueueFilter(string? Service, CaseStatus? Status, string? Channel, bool? Assisted, DateOnly? DueBy, int Page = 1);

public sealed record QueuePage(IReadOnlyList<Case> Cases, int Total, int Page, int PageSize);

/// <summary>A department's cases, soonest deadline first, filtered and paged.</summary>
public sealed class ListDepartmentCases(AppDbContext db)
{
    public const int PageSize = 50;

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

        if (filter.Channel is { Length: > 0 } channel)
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

        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(cancellationToken);
        var cases = await query.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new(cases, total, page, PageSize);
    }
}
