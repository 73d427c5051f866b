using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>
/// Notes one step through a form with the group the resident belongs to, and nothing that identifies
/// her: the funnel that shows where which groups give up. Without her consent to statistics, her group
/// is "unknown".
/// </summary>
public sealed class RecordFormStep(AppDbContext db, TimeProvider clock)
{
    public async Task Handle(string formKey, string page, FormStep step, Channel channel, Guid residentId, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        db.FormEvents.Add(Event(resident, formKey, page, step, channel, clock));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The step with her group, if she agreed to be counted, and otherwise "unknown" for each attribute.</summary>
    public static FormEvent Event(Resident resident, string formKey, string page, FormStep step, Channel channel, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Event(resident, formKey, page, step, channel, clock.GetUtcNow().UtcDateTime, clock.Today());
    }

    /// <summary>The same, at a given moment (a synthetic city's past).</summary>
    public static FormEvent Event(Resident resident, string formKey, string page, FormStep step, Channel channel, DateTime at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var counted = resident.StatisticsConsent;
        return new FormEvent
        {
            FormKey = formKey,
            Page = page,
            Step = step,
            Channel = channel,
            AgeBand = counted ? AgeBand(resident.DateOfBirth, today) : "unknown",
            District = counted ? resident.DistrictCode ?? "none" : "unknown",
            Language = counted ? resident.PreferredLanguage ?? "none" : "unknown",
            Needs = !counted ? "unknown" : resident.AccessibilityNeeds == AccessibilityNeeds.None ? "none" : resident.AccessibilityNeeds.ToString(),
            At = at,
        };
    }

    public static string AgeBand(DateOnly? born, DateOnly today)
    {
        if (born is not { } b)
        {
            return "unknown";
        }

        var age = today.Year - b.Year - (b.AddYears(today.Year - b.Year) > today ? 1 : 0);
        return age switch { < 18 => "0-17", < 40 => "18-39", < 60 => "40-59", < 80 => "60-79", _ => "80+" };
    }
}
