using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;
using Tongban.Staff;

namespace Tongban.Insights.Pages;

/// <summary>
/// <c>/staff/insights?department=&amp;service=&amp;measure=&amp;by=</c>: who is left behind by one department's services,
/// or one of them (its head, or an analyst for any department or the whole city): gaps wider than their threshold,
/// where people give up on its forms, and any measure by any grouping.
/// </summary>
[Authorize(Policy = StaffPolicies.Insights)]
public sealed class StaffInsightsModel(ReadInsights read, GapAlerts alerts, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public InsightText Text { get; private set; } = null!;

    /// <summary>Null: the whole city.</summary>
    public Department? Department { get; private set; }

    /// <summary>Null: all the department's services.</summary>
    public Service? Service { get; private set; }

    /// <summary>An analyst chooses the department; a head sees her own.</summary>
    public bool MayChoose { get; private set; }

    public Measure Measure { get; private set; } = Measure.FormCompletion;
    public string By { get; private set; } = Dimension.Age.Code;
    public InsightTable Table { get; private set; } = null!;
    public IReadOnlyList<GapAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<PageDropOff> DropOff { get; private set; } = [];

    /// <summary>Gaps that widened beyond their threshold last month: the city's only, as only the city is counted by month.</summary>
    public IReadOnlyList<GapWidening> Widened { get; private set; } = [];

    public async Task<IActionResult> OnGet(string? department, string? service, string? measure, string? by, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        Text = new InsightText(t, Catalogue);
        MayChoose = User.Role() == StaffRole.Analyst;
        var own = User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value;
        if (!MayChoose && department is not null && department != own)
        {
            return Forbid(); // a head sees her own department's figures only
        }

        var code = MayChoose ? department : own;
        Department = Catalogue.Department(code);
        Service = Catalogue.Service(service);
        if (service is { Length: > 0 } && Service is not null)
        {
            // An analyst may name the service alone; a head asking about another department's is refused as for its department.
            Department ??= MayChoose && code is not { Length: > 0 } ? Service.Department : null;
            if (Department?.Id != Service.DepartmentId)
            {
                return MayChoose ? NotFound() : Forbid();
            }
        }

        if ((code is { Length: > 0 } && Department is null) || (service is { Length: > 0 } && Service is null) || (measure is not null && Measure.Find(measure) is null) || (by is not null && Dimension.Find(by) is not { OfPeople: true } and not { Code: "channel" }))
        {
            return NotFound();
        }

        Measure = Measure.Find(measure) ?? Measure.FormCompletion;
        By = by ?? Dimension.Age.Code;
        if (Department is not null && Measure.OfPeople)
        {
            Measure = Measure.FormCompletion; // a department has applicants, not residents: no rate per 1,000
        }

        Table = await read.Table(Measure, By, InsightCounter.TwelveMonths, Department?.Code, Service?.Code, cancellationToken);
        Alerts = await alerts.Handle(Department?.Code, Service?.Code, cancellationToken);
        Widened = Department is null ? await alerts.Widened(cancellationToken) : [];
        DropOff = [.. (await alerts.DropOff(Department?.Code, Service?.Code, cancellationToken)).Take(20)];
        return Page();
    }

    /// <summary>A form page as people read it: the service and the question, or "Check your answers".</summary>
    public (string Form, string Page) Describe(PageDropOff drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var code = InsightCounter.ServiceOf(drop.Form) ?? drop.Form;
        var form = Catalogue.ApplicationForm("services", code);
        var question = form?.Questions.FirstOrDefault(q => q.Id == drop.Page);
        return (Catalogue.Service(code)?.Name.Current ?? drop.Form, drop.Page == "check" ? t["Check your answers"].Value : question?.Label.Current ?? drop.Page);
    }
}
