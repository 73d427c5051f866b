using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents;

namespace Tongban.Notifications.Letters;

/// <summary>
/// The PDF of one print batch: each letter in its resident's language (in large type if she asked for it), addressed as the
/// message was written, with her case reference, a QR code to her case page and the action written out in full. Each printing is recorded on each resident's trail,
/// since the post room reads her name and address.
/// </summary>
public sealed class PrintBatchLetters(AppDbContext db, CatalogueStore catalogue, IStringLocalizer<SharedResource> t, AuditTrail audit)
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
            select new { n.ResidentId, n.CaseId, n.Key, n.Reference, n.LinkPath, n.Address, n.CreatedAt, n.Subject, n.Text, r.FullName, r.PreferredLanguage, r.AccessibilityNeeds, Case = c })
            .ToListAsync(cancellationToken);
        if (letters.Count == 0)
        {
            return null;
        }

        var caseIds = letters.Where(l => l.CaseId != null).Select(l => l.CaseId!.Value).Distinct().ToList();
        var actions = (await db.CaseActions.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.CaseId, a.Sequence));
        var snapshot = await catalogue.Current(cancellationToken);
        var site = siteUrl.TrimEnd('/');
        var pdf = LetterPdf.Render(letters.Select(l => ResidentLanguage.Write(l.PreferredLanguage, culture =>
        {
            var about = NotificationKey.Action(l.Key);
            var action = about is { } a && l.CaseId is { } caseId ? actions.GetValueOrDefault((caseId, a.Sequence)) : null;
            var service = l.Case is null ? "" : snapshot.Service(l.Case.ServiceCode)?.Name.In(culture) ?? l.Case.ServiceCode;
            return new Letter(
                Sender: t["Shenzhen public services · Tongban"],
                RecipientName: l.FullName ?? t["Resident"],
                Address: l.Address ?? "",
                Date: CityTime.Local(l.CreatedAt).ToString("D", culture),
                Subject: l.Subject,
                Sections: LetterContent.Sections(t, culture, l.Text, action, about?.ActedFor ?? false, service, l.Case?.DueOn ?? default),
                ReferenceLabel: l.Case is null && l.Reference is not null ? t["Reference"] : t["Case reference"],
                Reference: l.Case is null ? l.Reference ?? "" : CaseReference.Display(l.Case.Reference),
                CaseUrl: l.Case is null ? $"{site}{l.LinkPath ?? "/me/inbox"}" : $"{site}/cases/{l.Case.Reference}",
                ScanLabel: t["Scan to see your case"],
                OnlineLabel: t["Online: {0}"],
                PageLabel: t["{0} · page {1}"],
                LargePrint: l.AccessibilityNeeds.HasFlag(AccessibilityNeeds.LargeText));
        })).ToList());

        foreach (var resident in letters.Select(l => l.ResidentId).Distinct())
        {
            await audit.Record(resident, printer, AuditAction.Viewed, AuditSubject.Letter(batchId), cancellationToken);
        }

        return pdf;
    }
}
