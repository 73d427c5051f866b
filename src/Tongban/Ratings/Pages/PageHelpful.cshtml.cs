using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Ratings.Helpful;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/services/{code}/helpful</c>: the answer to "was this page helpful?" from a service's page, and for a "no", why.
/// Anonymous: no sign-in, nothing about her kept; a cookie on that service's pages keeps one browser from counting twice.
/// </summary>
[IgnoreAntiforgeryToken] // the service page sets no cookie and the answer acts for nobody: there is no session to forge a request in
public sealed class PageHelpfulModel(GivePageFeedback give, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    private const string AnsweredCookie = "tb-helpful";

    public Service Service { get; private set; } = null!;

    /// <summary>This browser answered for this page before: nothing counted again.</summary>
    public bool AnsweredBefore { get; private set; }

    /// <summary>The "no" just counted, whose reason she may add.</summary>
    public Guid? AskReasonFor { get; private set; }

    public bool ReasonTaken { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken) =>
        await Find(code, cancellationToken) ? Redirect($"/services/{code}") : NotFound();

    public async Task<IActionResult> OnPost(string code, string? helpful, CancellationToken cancellationToken)
    {
        if (!await Find(code, cancellationToken))
        {
            return NotFound();
        }

        if (helpful is not ("yes" or "no"))
        {
            return Redirect($"/services/{code}");
        }

        if (Request.Cookies.ContainsKey(AnsweredCookie))
        {
            AnsweredBefore = true;
            return Page();
        }

        var id = await give.Handle(code, helpful == "yes", cancellationToken);
        Response.Cookies.Append(AnsweredCookie, "1", new CookieOptions
        {
            Path = $"/services/{code}",
            MaxAge = TimeSpan.FromDays(30),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        AskReasonFor = helpful == "no" ? id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostReason(string code, Guid answer, string? reason, CancellationToken cancellationToken)
    {
        if (!await Find(code, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.TryParse<PageFeedbackReason>(reason, out var chosen) || int.TryParse(reason, out _))
        {
            AskReasonFor = answer;
            Errors = [new("reason", t["Choose one of the reasons."])];
            return Page();
        }

        // A reason for an answer that is not hers to change, or too late, is simply not taken: nothing to tell apart.
        await give.AddReason(answer, code, chosen, cancellationToken);
        ReasonTaken = true;
        return Page();
    }

    private async Task<bool> Find(string code, CancellationToken cancellationToken)
    {
        Service = (await catalogue.Current(cancellationToken)).Service(code)!;
        return Service is not null;
    }
}
