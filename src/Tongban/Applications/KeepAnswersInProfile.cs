using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Residents.Profile;

namespace Tongban.Applications;

/// <summary>
/// Puts the answers she ticked on the check page into her profile, so that the next form knows them (once-only).
/// Only she can: consent is hers, and a family member or clerk changes her profile on its own page, where she is
/// told of it. The profile's own checks apply; if one fails, her profile is left as it was.
/// </summary>
public sealed class KeepAnswersInProfile(AppDbContext db, UpdateProfile update)
{
    /// <summary>The answers she may keep in her profile: none when someone else is answering for her.</summary>
    public async Task<IReadOnlyList<(Question Question, string Answer)>> Offered(
        Guid residentId, ApplicationForm form, IReadOnlyDictionary<string, string> answers, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsResident(residentId))
        {
            return [];
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        return ProfileAnswers.Differing(form, answers, resident);
    }

    /// <returns>The questions whose answers are now in her profile, or the profile's objections.</returns>
    public async Task<(IReadOnlyList<Question> Kept, IReadOnlyList<FieldError> Errors)> Handle(
        Guid draftId, Guid residentId, ApplicationForm form, IReadOnlyCollection<string> chosen, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(actor);
        if (chosen.Count == 0 || !actor.IsResident(residentId))
        {
            return ([], []);
        }

        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.ResidentId == residentId, cancellationToken);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        var kept = draft is null ? [] : ProfileAnswers.Differing(form, draft.Answers(), resident).Where(d => chosen.Contains(d.Question.Id)).ToList();
        if (kept.Count == 0)
        {
            return ([], []);
        }

        var input = ProfileInput.From(resident);
        foreach (var (question, answer) in kept)
        {
            switch (question.Prefill)
            {
                case "profile.fullName":
                    input.FullName = answer;
                    break;
                case "profile.district":
                    input.District = answer;
                    break;
                case "profile.postalAddress":
                    input.PostalAddress = answer;
                    break;
                case "profile.idNumber":
                    // The date of birth follows the new number.
                    input.IdNumber = answer;
                    (input.BirthDay, input.BirthMonth, input.BirthYear) = (null, null, null);
                    break;
            }
        }

        var errors = await update.Handle(residentId, input, actor, cancellationToken);
        return (errors.Count == 0 ? kept.Select(k => k.Question).ToList() : [], errors);
    }
}
