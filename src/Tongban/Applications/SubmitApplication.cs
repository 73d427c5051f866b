using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <param name="Cases">The cases made (or made the first time the draft was sent).</param>
/// <param name="Unanswered">A question still to answer: nothing was sent.</param>
/// <param name="Blocked">The services left out because she has one pending or granted already (see <see cref="MayApplyAgain"/>); when these and the ones she chose not to apply for are all, nothing was sent and the draft stays open.</param>
public sealed record Submitted(IReadOnlyList<Case> Cases, Question? Unanswered, IReadOnlyList<Blocked>? Blocked = null);

/// <summary>
/// Turns a finished draft into one case per service, each judged at once by its published rules
/// (秒批): approved when every rule passes, otherwise with a person, with the reasons either way.
/// Submitting twice (a double click, a retry, the back button) returns the cases of the first time. Submissions
/// arriving together are written together (<see cref="SendDrafts"/>); each is acknowledged once committed.
/// </summary>
public sealed class SubmitApplication(AppDbContext db, SendDrafts send)
{
    /// <returns>Null when the draft is not <paramref name="residentId"/>'s draft of this form.</returns>
    public async Task<Submitted?> Handle(Guid draftId, Guid residentId, ApplicationForm form, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            return await send.Handle(new DraftToSend(draftId, residentId, form, actor, Stopwatch.GetTimestamp()), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Written again five times and still in conflict (answers saved into it meanwhile, over and over), or sent
            // by another way first: show what was made, if anything.
            var first = InOrder(await db.Cases.AsNoTracking().Where(c => c.DraftId == draftId && c.ResidentId == residentId).ToListAsync(cancellationToken));
            return first.Count > 0 ? new(first, null) : throw new InvalidOperationException("The draft changed while it was being submitted; please try again.");
        }
    }

    /// <summary>A draft's cases in the order they were made.</summary>
    public static IReadOnlyList<Case> InOrder(IEnumerable<Case> cases) => [.. cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.ServiceCode)];
}
