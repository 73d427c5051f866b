using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Certificates.Pages;

/// <summary>
/// <c>/verify</c>, no sign-in: a landlord, employer or bank checks a certificate she shows by pasting it, uploading its
/// file, or scanning its QR code (which opens <c>/verify/{id}</c>), and reads the verdict in plain words.
/// </summary>
[RequestSizeLimit(1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 1_000_000)]
[IgnoreAntiforgeryToken] // Nothing of anyone's changes: a verifier may post from a saved page or a scanner app.
public sealed class VerifyModel(VerifyCredential verify) : PageModel
{
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Verification? Result { get; private set; }

    public async Task OnGet(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } shortLink)
        {
            Result = await verify.Handle($"/verify/{shortLink}", Channel.Online, cancellationToken);
        }
    }

    public async Task OnPost(CancellationToken cancellationToken)
    {
        var presented = Credential;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > VerifyCredential.MaxLength)
            {
                Result = new(Verdict.NotACredential);
                return;
            }

            using var reader = new StreamReader(file.OpenReadStream());
            presented = await reader.ReadToEndAsync(cancellationToken);
        }

        Result = await verify.Handle(presented, Channel.Online, cancellationToken);
    }
}
