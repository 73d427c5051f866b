using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Staff;

namespace Tongban.Certificates.Pages;

/// <summary>
/// <c>/staff/certificates</c>: an operator revokes, suspends or reinstates an e-certificate by its number, with the
/// reason its holder reads; the latest changes, as the public log records them.
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class StaffCertificatesModel(AppDbContext db, ChangeCertificateStatus change) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public CertificateChange Change { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<Certificate> Changed { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        Errors = await change.Handle(Number, Change, Reason, User.StaffActor(Channel.Office, "certificate status"), cancellationToken);
        if (Errors.Count == 0)
        {
            return Redirect($"/staff/certificates?done={Uri.EscapeDataString(Number!.Trim().ToUpperInvariant())}");
        }

        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken) =>
        Changed = await db.Certificates.AsNoTracking().Where(c => c.RevokedAt != null || c.SuspendedAt != null)
            .OrderByDescending(c => c.RevokedAt ?? c.SuspendedAt).Take(50).ToListAsync(cancellationToken);
}
