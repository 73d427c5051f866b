using Microsoft.EntityFrameworkCore;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Residents;

namespace Tongban.Insights;

/// <summary>
/// Counts every group's residents, cases and online forms into <see cref="InsightCell"/>s, replacing the last count,
/// once an hour (<c>Insights:RefreshMinutes</c>) and whenever an operator or the seed command asks. The submission path
/// never waits for it; pages read only its cells.
/// </summary>
public sealed class RefreshInsights(AppDbContext db, CatalogueStore catalogue, WorkingDayCalendar calendar, TimeProvider clock, IConfiguration configuration, IEnumerable<IInsightSource> sources) : IJobHandler, IRecurringJob
{
    public const string JobKind = "RefreshInsights";

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        await Handle(cancellationToken);
        return clock.GetUtcNow().UtcDateTime.AddMinutes(configuration.GetValue("Insights:RefreshMinutes", 60));
    }

    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) => (JobKind, "cells", now);

    /// <returns>How many cells were written.</returns>
    public async Task<int> Handle(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var counter = new InsightCounter(today);
        var snapshot = await catalogue.Current(cancellationToken);
        var departmentOf = snapshot.Services.ToDictionary(s => s.Code, s => s.Department?.Code, StringComparer.Ordinal);
        // A life event's form is of several departments: it counts for the city only.
        string? DepartmentOfForm(string form) => InsightCounter.ServiceOf(form) is { } service ? departmentOf.GetValueOrDefault(service) : null;
        var groups = new Dictionary<Guid, byte[]>();
        var residents = db.Residents.AsNoTracking().Select(r => new Resident
        {
            Id = r.Id,
            DateOfBirth = r.DateOfBirth,
            DistrictCode = r.DistrictCode,
            IdNumber = r.IdNumber,
            ClaimedIdNumber = r.ClaimedIdNumber,
            LocalHukou = r.LocalHukou,
            PreferredLanguage = r.PreferredLanguage,
            AccessibilityNeeds = r.AccessibilityNeeds,
            StatisticsConsent = r.StatisticsConsent,
        });
        await foreach (var resident in residents.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var indices = InsightCounter.Indices(ResidentGroups.Of(resident, today));
            groups[resident.Id] = indices;
            counter.AddResident(indices);
        }

        var since = CityTime.StartOfDayUtc(today.AddMonths(-12));
        var counting = new InsightCounting(counter, groups, service => departmentOf.GetValueOrDefault(service), since);
        var cases = db.Cases.AsNoTracking().Where(c => c.SubmittedAt >= since)
            .Select(c => new { c.ResidentId, c.ServiceCode, c.Channel, c.ActorKind, c.SubmittedAt, c.DueOn, c.Status, c.DecidedAt });
        await foreach (var c in cases.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var sentOn = DateOnly.FromDateTime(CityTime.Local(c.SubmittedAt));
            var decidedOn = c.DecidedAt is { } at && c.Status is CaseStatus.Approved or CaseStatus.Rejected ? DateOnly.FromDateTime(CityTime.Local(at)) : (DateOnly?)null;
            var open = c.Status is CaseStatus.WithOfficer or CaseStatus.InProgress or CaseStatus.WaitingForResident;
            counter.AddCase(
                c.ResidentId,
                counting.GroupsOf(c.ResidentId),
                c.Channel,
                sentOn,
                online: c.ActorKind == ActorKind.Resident && c.Channel is Channel.Online or Channel.PartnerApp,
                assisted: c.ActorKind is ActorKind.Staff or ActorKind.Proxy || c.Channel == Channel.Post,
                workingDaysToDecision: decidedOn is { } d ? Math.Max(0, calendar.WorkingDaysBetween(sentOn, d)) : null,
                approved: c.Status == CaseStatus.Approved,
                breached: decidedOn > c.DueOn || (open && today > c.DueOn),
                department: departmentOf.GetValueOrDefault(c.ServiceCode),
                service: c.ServiceCode);
        }

        var drafts = db.Drafts.AsNoTracking().Where(d => d.CreatedAt >= since && (d.StartedChannel == Channel.Online || d.StartedChannel == Channel.PartnerApp))
            .Select(d => new { d.ResidentId, d.FormKey, d.StartedChannel, d.CreatedAt, Sent = d.SubmittedAt != null });
        await foreach (var d in drafts.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var department = DepartmentOfForm(d.FormKey);
            counter.AddDraft(counting.GroupsOf(d.ResidentId), d.StartedChannel, DateOnly.FromDateTime(CityTime.Local(d.CreatedAt)), d.Sent, department, d.FormKey);
        }

        var offers = db.Offers.AsNoTracking().Where(o => o.CreatedAt >= since)
            .Select(o => new { o.ResidentId, o.ServiceCode, o.Status, o.AnsweredChannel, o.CreatedAt, o.UnreachedAt });
        await foreach (var o in offers.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counter.AddOffer(counting.GroupsOf(o.ResidentId), o.AnsweredChannel ?? Channel.Proactive, DateOnly.FromDateTime(CityTime.Local(o.CreatedAt)),
                taken: o.Status is Entitlements.OfferStatus.Accepted or Entitlements.OfferStatus.Granted,
                unreached: o.UnreachedAt is not null,
                departmentOf.GetValueOrDefault(o.ServiceCode), o.ServiceCode);
        }

        // Ratings are counted by the department that ran the service when she rated (Rating.DepartmentCode), as /ratings counts them.
        var ratings = db.Ratings.AsNoTracking().Where(r => r.RatedAt >= since && r.ExcludedAt == null)
            .Select(r => new { r.ResidentId, r.ServiceCode, r.DepartmentCode, r.ServedOn, r.RatedAt, r.Level });
        await foreach (var r in ratings.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counter.AddRating(counting.GroupsOf(r.ResidentId), r.ServedOn, DateOnly.FromDateTime(CityTime.Local(r.RatedAt)), bad: r.Level <= 2, r.DepartmentCode, r.ServiceCode);
        }

        foreach (var source in sources)
        {
            await source.Count(counting, cancellationToken);
        }

        var abandoned = db.FormEvents.AsNoTracking().Where(e => e.Step == FormStep.Abandoned && e.At >= since).Select(e => new { e.FormKey, e.Page, e.At });
        await foreach (var e in abandoned.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (DepartmentOfForm(e.FormKey) is { } department)
            {
                counter.AddAbandonment(department, e.FormKey, e.Page, DateOnly.FromDateTime(CityTime.Local(e.At)));
            }
        }

        var cells = counter.Cells(clock.GetUtcNow().UtcDateTime).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two refreshes at once (the hourly job on two nodes, the seed command beside a server) would each delete the
        // cells they see and add theirs, leaving both counts on PostgreSQL: the second waits here, then replaces the first's.
        await db.Lock(JobKind, cancellationToken);
        await db.InsightCells.ExecuteDeleteAsync(cancellationToken);
        db.InsightCells.AddRange(cells);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return cells.Count;
    }

    internal static readonly byte[] Unknown = InsightCounter.Indices([.. Enumerable.Repeat(Dimension.Unknown, 6)]);
}
