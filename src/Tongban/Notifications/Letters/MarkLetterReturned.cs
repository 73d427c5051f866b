using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Platform.Data;

namespace Tongban.Notifications.Letters;

/// <summary>What follows a letter the post brought back: a feature that sent it can try another way to reach her.</summary>
public interface ILetterReturned
{
    Task Follow(Notification letter, CancellationToken cancellationToken);
}

/// <summary>
/// The post room records a letter that came back undelivered, by the reference printed on it (a case's, or an
/// offer's): the newest posted letter with it is marked dead, so that it is on the list of messages that could not be
/// delivered (the hotline calls her), and whatever sent it hears of it (<see cref="ILetterReturned"/>).
/// </summary>
public sealed class MarkLetterReturned(AppDbContext db, IEnumerable<ILetterReturned> reactions)
{
    public const string Error = "Returned undelivered by the post";

    /// <returns>Whether a posted letter with that reference was found.</returns>
    public async Task<bool> Handle(string? reference, string staffName, CancellationToken cancellationToken)
    {
        var typed = (reference ?? "").Trim().ToUpperInvariant();
        if (typed.Length == 0)
        {
            return false;
        }

        var caseReference = CaseReference.Normalize(typed);
        var caseIds = caseReference is null ? [] : await db.Cases.Where(c => c.Reference == caseReference).Select(c => c.Id).ToListAsync(cancellationToken);
        var letter = await db.Notifications
            .Where(n => n.Channel == NotificationChannel.Letter && n.Status == DeliveryStatus.Sent)
            .Where(n => n.Reference == typed || (n.CaseId != null && caseIds.Contains(n.CaseId.Value)))
            .OrderByDescending(n => n.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (letter is null)
        {
            return false;
        }

        (letter.Status, letter.LastError) = (DeliveryStatus.Dead, $"{Error} ({staffName})");
        foreach (var reaction in reactions)
        {
            await reaction.Follow(letter, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
