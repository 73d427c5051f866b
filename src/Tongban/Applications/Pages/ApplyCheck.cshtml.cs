using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;

namespace Tongban.Applications.Pages;

/// <summary><c>…/apply/check</c>: every answer with a change link, then send. Sending twice makes nothing twice.</summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class ApplyCheckModel(
    CatalogueStore catalogue, ResidentAccessPolicy policy, StartApplication start, SubmitApplication submit, EarlierCases earlierCases, KeepAnswersInProfile keepInProfile,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalogue, policy)
{
    /// <summary>Each answer, and where it came from when she did not type it (what the city holds, the ID number given).</summary>
    public IReadOnlyList<(Question Question, string Shown, string? From)> Rows { get; private set; } = [];
    public Guid DraftId { get; private set; }

    /// <summary>Answers that differ from her profile, which she may tick to keep in it.</summary>
    public IReadOnlyList<(Question Question, string Shown)> ToKeep { get; private set; } = [];

    /// <summary>For the confirmation page: what went into her profile, or why nothing did.</summary>
    [TempData]
    public string? ProfileMessage { get; set; }
    public string BackUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (await Authorize(clock) is { } refused)
        {
            return refused;
        }

        var (open, nothingLeft) = await OpenDraftLeavingOutWhatSheHas(earlierCases);
        if (nothingLeft is not null)
        {
            return nothingLeft;
        }

        var draft = open ?? await start.Start(ResidentId, Form, Actor.Channel, cancellationToken);
        if (LeaveOutWhatSheChose(draft) is { } nothingChosen)
        {
            return nothingChosen;
        }

        var answers = draft.Answers();
        if (ApplicationFlow.Next(Form, answers, Today) is { } missing)
        {
            return Redirect($"{Form.Path}/{missing.Id}");
        }

        var visible = ApplicationFlow.Visible(Form, answers, Today);
        Rows = visible.Select(q => (q, AnswerDisplay.Of(q, answers.GetValueOrDefault(q.Id), t), From(q))).ToList();
        string? From(Question q) =>
            draft.Prefilled.Contains(q.Id) ? t["from what the city holds"].Value
            : q.BirthDateOf is { } id && answers.TryGetValue(q.Id, out var date) && date == BirthDateFromIdNumber.Born(answers.GetValueOrDefault(id)) ? t["from the ID number given"].Value
            : null;
        DraftId = draft.Id;
        ToKeep = (await keepInProfile.Offered(ResidentId, Form, answers, Actor, cancellationToken)).Select(d => (d.Question, AnswerDisplay.Of(d.Question, d.Answer, t))).ToList();
        BackUrl = visible.Count > 0 ? $"{Form.Path}/{visible[^1].Id}" : $"/{Kind}/{Code}";
        return Page();
    }

    /// <param name="draft">The draft shown on the page: a second post of the same page finds its cases instead of making new ones.</param>
    /// <param name="keep">The questions whose answers she ticked to keep in her profile.</param>
    /// <param name="cancellationToken">Stops with the request.</param>
    public async Task<IActionResult> OnPost(Guid draft, string[] keep, CancellationToken cancellationToken)
    {
        // Not left out here: a second send of a sent draft finds its cases, and the submission leaves out what she has.
        if (await Authorize(clock) is { } refused)
        {
            return refused;
        }

        var result = await submit.Handle(draft, ResidentId, Form, Actor, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Unanswered is { } missing)
        {
            return Redirect($"{Form.Path}/{missing.Id}");
        }

        if (result.Cases.Count == 0)
        {
            // Another tab sent it first: nothing was sent twice, and the page says why.
            return Redirect($"{Form.Path}/not-now");
        }

        var (kept, errors) = await keepInProfile.Handle(draft, ResidentId, Form, keep, Actor, cancellationToken);
        ProfileMessage = errors.Count > 0 ? t["Your profile was not changed: {0}", errors[0].Message].Value
            : kept.Count > 0 ? t["Kept in your profile for next time: {0}.", Listing.Join(kept.Select(q => LabelOf(q).Current))].Value
            : null;
        return Redirect($"{Form.Path}/done/{draft}");
    }
}
