using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Notifications.Letters;

/// <summary>
/// The PDF of one print batch: each letter in its resident's language, addressed as the message was written,
/// with her case reference and a QR code to her case page. Each printing is recorded on each resident's trail,
/// since the post room reads her name and address.
/// </summary>
public sealed class PrintBatchLetters(AppDbContext db, IStringLocalizer<SharedResource> t, AuditTrail audit)
{
    /// <summary>The PDF, or null when there is no such batch. <paramref name="siteUrl"/> is where residents reach Tongban.</summary>
    public async Task<byte[]?> Handle(Guid batchId, string siteUrl, Actor printer, CancellationToken cancellationToken)
    {
        var letters = await (
            from n in db.Notifications.AsNoTracking()
            join r in db.Residents.AsNoTracking() on n.ResidentId equals r.Id
            join c in db.Cases.AsNoTracking() on n.CaseId equals c.Id into cases
            from c in cases.DefaultIfEmpty()
            where n.PrintBatchId == batchId
            orderby n.CreatedAt, n.Id
            select new { n.ResidentId, n.Address, n.CreatedAt, n.Subject, n.Text, r.FullName, r.PreferredLanguage, Reference = c == null ? null : c.Reference })
            .ToListAsync(cancellationToken);
        if (letters.Count == 0)
        {
            return null;
        }

        var site = siteUrl.TrimEnd('/');
        var pdf = LetterPdf.Render(letters.Select(l => ResidentLanguage.Write(l.PreferredLanguage, culture => new Letter(
            Sender: t["Shenzhen public services · Tongban"],
            RecipientName: l.FullName ?? t["Resident"],
            Address: l.Address ?? "",
            Date: CityTime.Local(l.CreatedAt).ToString("D", culture),
            Subject: l.Subject,
            Text: l.Text,
            ReferenceLabel: t["Case reference"],
            Reference: l.Reference is null ? "" : CaseReference.Display(l.Reference),
            CaseUrl: l.Reference is null ? $"{site}/me/inbox" : $"{site}/cases/{l.Reference}",
            ScanLabel: t["Scan to see your case"],
            OnlineLabel: t["Online: {0}"],
            OtherWays: t["No smartphone? Call the 12345 hotline and give the case reference, or bring this letter to any service hall. A family member or a helper can also act for you with your consent."]))).ToList());

        foreach (var resident in letters.Select(l => l.ResidentId).Distinct())
        {
            await audit.Record(resident, printer, AuditAction.Viewed, AuditSubject.Letter(batchId), cancellationToken);
        }

        return pdf;
    }
}
