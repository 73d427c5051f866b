using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Ratings.Rectifications;

public enum RectificationStep
{
    /// <summary>The department reached her: what was said.</summary>
    Contacted,

    /// <summary>Not a simple matter: the answer is due 15 working days after the review instead of 2.</summary>
    Complex,

    /// <summary>What the department found and what it changed; she is shown it and asked whether it satisfies her.</summary>
    Answered,
}

/// <summary>
/// The department's side of a rectification, on the version the officer saw: two officers at once, or an officer and
/// the deadline job, cannot overwrite each other. Only officers and heads of the department that ran the service.
/// </summary>
public sealed class AnswerRectification(AppDbContext db, OpenRectification open, JobScheduler jobs, WorkingDayCalendar calendar, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<FieldError>> Handle(Guid id, int version, Actor officer, string department, RectificationStep step, string? note, string? found, string? changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var r = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id && x.DepartmentCode == department, cancellationToken);
        if (r is null)
        {
            return [new("Step", t["There is no such bad review for your department."])];
        }

        if (r.Version != version)
        {
            return [new("Step", t["Someone else changed this meanwhile. Nothing was saved: look at it again. What you typed is still here."])];
        }

        if (r.AnsweredAt is not null)
        {
            return [new("Step", t["This review has been answered already."])];
        }

        var problems = new List<FieldError>();
        string? Text(string field, string? value, string missing)
        {
            var (text, problem) = StaffText.Check(field, value, missing, t);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            return text;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (step)
        {
            case RectificationStep.Contacted:
                r.ContactNote = Text("Note", note, t["Write how you reached her and what she said."]);
                r.ContactedAt = now;
                break;
            case RectificationStep.Complex when !r.Complex:
                r.Complex = true;
                r.AnswerDueOn = calendar.AddWorkingDays(DateOnly.FromDateTime(CityTime.Local(r.OpenedAt)), (await open.LimitsFor(r.ServiceCode, cancellationToken)).Complex);
                break;
            case RectificationStep.Answered when r.ContactedAt is null:
                problems.Add(new("Step", t["Contact her first: record the contact, then the answer."]));
                break;
            case RectificationStep.Answered:
                r.Found = Text("Found", found, t["Write what you found."]);
                r.Changed = Text("Changed", changed, t["Write what you changed, or why nothing needed changing."]);
                r.AnsweredAt = now;
                r.AnsweredBy = officer.Name;
                break;
            default:
                return [new("Step", t["This is not possible for this review now. Nothing was changed."])];
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        r.Version++;
        if (CheckRectificationDeadline.NextCheck(r, calendar) is { } next)
        {
            await jobs.Schedule(OpenRectification.JobKind, r.Id.ToString(), next, cancellationToken);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.Record(r.ResidentId, officer, AuditAction.Changed, (await SubjectOf(r, cancellationToken)).Audit($"Rectification{step}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [new("Step", t["Someone else changed this meanwhile. Nothing was saved: look at it again. What you typed is still here."])];
        }
    }

    private async Task<RatedSubject> SubjectOf(Rectification r, CancellationToken cancellationToken) =>
        await RatedSubject.Of(db, r.CaseId, await db.Ratings.Where(g => g.Id == r.RatingId).Select(g => g.VisitId).SingleAsync(cancellationToken), cancellationToken);
}
