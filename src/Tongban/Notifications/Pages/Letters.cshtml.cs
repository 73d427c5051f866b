using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Notifications.Letters;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.Notifications.Pages;

/// <summary>
/// <c>/staff/letters</c>: the post room. Operators take the waiting letters into a print batch, download its
/// PDF, and mark it posted once the envelopes have gone; only then do the letters count as sent.
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class LettersModel(AppDbContext db, StartPrintBatch start, PrintBatchLetters print, MarkBatchPosted posted, MarkLetterReturned returned, IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public int Waiting { get; private set; }
    public IReadOnlyList<PrintBatch> Batches { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>Where residents reach Tongban, as letters print it; null when not configured in Production.</summary>
    public string? Site => LetterSiteAddress.For(configuration[LetterSiteAddress.Setting], environment.IsDevelopment(), $"{Request.Scheme}://{Request.Host}");

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Waiting = await db.Notifications.CountAsync(n => n.Status == DeliveryStatus.AwaitingPrint && n.PrintBatchId == null, cancellationToken);
        Batches = await db.PrintBatches.AsNoTracking().OrderByDescending(b => b.StartedAt).Take(20).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStart(CancellationToken cancellationToken)
    {
        var batch = await start.Handle(User.Id(), StaffName, cancellationToken);
        return Redirect(batch is null ? "/staff/letters?done=none" : "/staff/letters?done=started");
    }

    public async Task<IActionResult> OnGetPdf(Guid id, CancellationToken cancellationToken)
    {
        if (Site is not { } site)
        {
            return await OnGet(cancellationToken);
        }

        var printer = User.StaffActor(Channel.Office, "post room");
        var pdf = await print.Handle(id, site, printer, cancellationToken);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"letters-{id:N}.pdf");
    }

    public async Task<IActionResult> OnPostPosted(Guid id, CancellationToken cancellationToken)
    {
        await posted.Handle(id, StaffName, cancellationToken);
        return Redirect("/staff/letters?done=posted");
    }

    /// <summary>A letter the post brought back: by the reference printed on it.</summary>
    public async Task<IActionResult> OnPostReturned(string? reference, CancellationToken cancellationToken) =>
        Redirect(await returned.Handle(reference, StaffName, cancellationToken) ? "/staff/letters?done=returned" : "/staff/letters?done=unknown");

    private string StaffName => User.Identity?.Name ?? "";
}
