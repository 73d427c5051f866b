using Tongban.Catalogue;
using Tongban.Catalogue.Forms;

namespace Tongban.Applications.Reapplying;

public enum ReapplyBlock
{
    None,

    /// <summary>An earlier application for the service is still open.</summary>
    Pending,

    /// <summary>Granted before, and the service is granted once.</summary>
    AlreadyGranted,

    /// <summary>Granted within the service's period.</summary>
    GrantedWithinPeriod,
}

/// <summary>Why she cannot apply for a service now, and the earlier case that says so (she is shown its reference).</summary>
public sealed record Blocked(Service Service, ReapplyBlock Block, EarlierCase Because, DateOnly? From);

/// <summary>
/// The catalogue's reapply rule applied to her earlier cases: a pure function, so that the apply pages (which
/// leave a blocked service out of a life event and say why) and the submission (which checks again, under a lock,
/// so that two tabs cannot both get it) decide alike.
/// </summary>
public static class MayApplyAgain
{
    /// <summary>The services of a form she cannot apply for now, each with why.</summary>
    public static IReadOnlyList<Blocked> InForm(ApplicationForm form, IEnumerable<EarlierCase> earlier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        var cases = earlier.ToList();
        return form.Services.Select(s => Check(s.Service, cases, today)).OfType<Blocked>().ToList();
    }

    public static Blocked? Check(Service service, IEnumerable<EarlierCase> earlier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(earlier);
        if (service.Reapply == ReapplyRule.Unlimited)
        {
            return null;
        }

        var own = earlier.Where(c => c.ServiceCode == service.Code).ToList();
        if (own.FirstOrDefault(c => c.Open) is { } open)
        {
            return new(service, ReapplyBlock.Pending, open, null);
        }

        var granted = own.Where(c => c.Granted).OrderByDescending(c => c.DecidedOn).FirstOrDefault();
        return (service.Reapply, granted) switch
        {
            (ReapplyRule.Once, { } g) => new(service, ReapplyBlock.AlreadyGranted, g, null),
            (ReapplyRule.OncePerPeriod, { DecidedOn: { } on } g) when today.DayNumber - on.DayNumber < service.ReapplyAfterDays =>
                new(service, ReapplyBlock.GrantedWithinPeriod, g, on.AddDays(service.ReapplyAfterDays!.Value)),
            _ => null,
        };
    }
}
