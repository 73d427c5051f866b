using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;

namespace Tongban.Certificates.Pages;

/// <summary>
/// <c>/me/certificates</c>: the e-certificates she holds (or, for someone acting for her, those of the services she let
/// them act on), each with its status, a QR code of its short link for whoever she shows it to, and the credential
/// file to download.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class MyCertificatesModel(ResidentAccessPolicy policy, AppDbContext db, CatalogueStore catalogue, CityIssuer issuer, Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> t) : PageModel
{
    public IReadOnlyList<Certificate> Held { get; private set; } = [];
    public CatalogueSnapshot Catalogue { get; private set; } = null!;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        await Load(subject, cancellationToken);
        return Page();
    }

    /// <summary>The credential as a file (<c>application/vc+jwt</c>) for her wallet app or to send to a verifier.</summary>
    public async Task<IActionResult> OnGetDownload(Guid id, CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        await Load(subject, cancellationToken);
        return Held.SingleOrDefault(c => c.Id == id) is { } certificate
            ? File(System.Text.Encoding.ASCII.GetBytes(certificate.Jwt), CityIssuer.MediaType, $"{certificate.Number}.jwt")
            : NotFound();
    }

    /// <summary>The certificate on one printable page, in the language of the page she is on.</summary>
    public async Task<IActionResult> OnGetPdf(Guid id, CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        await Load(subject, cancellationToken);
        if (Held.SingleOrDefault(c => c.Id == id) is not { } certificate)
        {
            return NotFound();
        }

        var subjectClaims = certificate.Credential()["credentialSubject"]!;
        string Date(DateTime utc) => Platform.Calendar.CityTime.Local(utc).ToString("D", System.Globalization.CultureInfo.CurrentCulture);
        var lines = new List<(string, string)>
        {
            (t["About"], subjectClaims["name"]?.GetValue<string>() ?? t["(name not stated)"]),
            (t["ID number"], subjectClaims["idNumberMasked"]?.GetValue<string>() ?? "—"),
            (t["Issued by"], Catalogue.Service(certificate.Kind)?.Department?.Name.Current ?? ""),
            (t["Issued"], Date(certificate.IssuedAt)),
            (t["Valid"], certificate.ValidUntil is { } until ? t["until {0}", Date(until)] : t["does not expire"]),
        };
        var pdf = CertificatePdf.Render(new PrintedCertificate(Name(certificate.Kind), certificate.Number, lines, ShortLink(certificate),
            t["Scan this code, or type the address below, to check that this certificate is genuine and still valid. No sign-in is needed."],
            t["Issued by the city as an electronic certificate (电子证照). The printout is a copy: what counts is what the check says today."]));
        return File(pdf, "application/pdf", $"{certificate.Number}.pdf");
    }

    public string Name(string kind) => Catalogue.Service(kind)?.Name.Current ?? kind;

    /// <summary>What its QR code holds: the city's verification page for it (the credential itself is too large to scan well).</summary>
    public string ShortLink(Certificate certificate) => $"{issuer.BaseUrl}/verify/{certificate!.Id}";

    private async Task Load(Guid subject, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        var mine = await db.Certificates.AsNoTracking().Where(c => c.ResidentId == subject).OrderByDescending(c => c.IssuedAt).ToListAsync(cancellationToken);
        var shown = new List<Certificate>();
        foreach (var certificate in mine)
        {
            // Someone acting for her sees only the certificates of the services she let them act on.
            if (await policy.Decide(HttpContext, subject, ResidentOperation.ActOnService, certificate.Kind) is not null)
            {
                shown.Add(certificate);
            }
        }

        Held = shown;
    }
}
