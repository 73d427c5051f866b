using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Auth;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;
using Tongban.Residents.Certificates;

namespace Tongban.Applications.Pages;

/// <summary>
/// <c>/services/{code}/apply</c> and <c>/life-events/{code}/apply</c>: one question per page. Without a
/// question it resumes the draft at the first unanswered one; every answered page is saved on the server.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
[RequestSizeLimit(FilesSetup.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FilesSetup.MaxRequestBytes)]
public sealed class ApplyModel(
    CatalogueStore catalogue, ResidentAccessPolicy policy, StartApplication start, SaveAnswer save, RecordFormStep funnel, StoreUpload upload,
    FindECertificate certificates, EarlierCases earlierCases, TimeProvider clock, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalogue, policy)
{
    [FromRoute]
    public string? QuestionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    public Question? Question { get; private set; }
    public string? Error { get; private set; }
    public bool WasPrefilled { get; private set; }
    public int Position { get; private set; }
    public int Count { get; private set; }
    public string BackUrl { get; private set; } = "/";

    /// <summary>Nothing answered yet but what the city filled in: the moment to say which services the form applies for.</summary>
    public bool JustStarted { get; private set; }

    /// <summary>For a file question: the document already given, if any.</summary>
    public string? Uploaded { get; private set; }

    /// <summary>For a file question: the e-certificate the city holds in its place (once-only), if any.</summary>
    public ECertificate? Held { get; private set; }

    /// <summary>Whether <see cref="Held"/> is someone else's (the person the form names): then only that it exists is shown.</summary>
    public bool HeldOfSomeoneElse => Held is not null && Question?.ECertificateHolder is not null;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (await Load(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Question is not null)
        {
            Record(FormStep.Viewed);
        }

        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var (typedAnswer, day, month, year) = (Answer, Day, Month, Year);
        if (await Load(cancellationToken) is { } refused)
        {
            return refused;
        }

        (Answer, Day, Month, Year) = (typedAnswer, day, month, year);
        var noFile = Request.HasFormContentType && Request.Form.Files.GetFile("file") is null or { Length: 0 };
        if (Question!.Type == QuestionType.File && noFile && Uploaded is not null)
        {
            // Continue without choosing another file: the one already given stands.
            return Redirect(Change ? $"{Form.Path}/check" : NextUrl(_draft!.Answers()));
        }

        var (value, error) = Question!.Type != QuestionType.File ? AnswerCheck.Check(Question, new TypedAnswer(Answer, Day, Month, Year), Today, t)
            : noFile && Held is not null ? (CertificateAnswer.Write(Held), null)
            : await upload.Handle(Question, Request.Form.Files.GetFile("file"), cancellationToken);
        if (error is null && HeldOfSomeoneElse && value == CertificateAnswer.Write(Held!))
        {
            var by = ForSomeoneElse ? Actor : Actor with { Name = t["someone applying for {0}", Form.Title.Current] };
            await certificates.RecordUse(Held!, by, cancellationToken);
        }

        var answers = _draft!.Answers();
        var (alsoSave, contradiction) = error is null ? BirthDateFromIdNumber.Check(Form, Question, value!, answers, _draft.Prefilled, t) : (null, null);
        if ((error ?? contradiction) is { } problem)
        {
            Error = problem;
            return Page();
        }

        var saving = new Dictionary<string, string>(alsoSave!) { [Question.Id] = value! };
        if (!await save.Handle(_draft.Id, saving, cancellationToken))
        {
            return Redirect(Form.Path); // sent meanwhile (from another tab): the form starts again from what she has
        }

        Record(FormStep.Answered);
        foreach (var (id, saved) in saving)
        {
            answers[id] = saved;
        }

        return Redirect(Change ? $"{Form.Path}/check" : NextUrl(answers));
    }

    private Draft? _draft;

    /// <returns>An answer to give instead of the page, or null to show the question.</returns>
    private async Task<IActionResult?> Load(CancellationToken cancellationToken)
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

        _draft = open ?? await start.Start(ResidentId, Form, Actor.Channel, cancellationToken);
        if (LeaveOutWhatSheChose(_draft) is { } nothingChosen)
        {
            return nothingChosen;
        }

        var answers = _draft.Answers();
        var visible = ApplicationFlow.Visible(Form, answers, Today);
        if (QuestionId is null || visible.FirstOrDefault(q => q.Id == QuestionId) is not { } question)
        {
            return Redirect(NextUrl(answers));
        }

        Question = question;
        Position = visible.ToList().IndexOf(question) + 1;
        Count = visible.Count;
        WasPrefilled = _draft.Prefilled.Contains(question.Id);
        JustStarted = answers.Keys.All(_draft.Prefilled.Contains);
        Uploaded = question.Type == QuestionType.File && answers.TryGetValue(question.Id, out var file) && file.Length > 0 && CertificateAnswer.Read(file) is null ? AnswerDisplay.Of(question, file, t) : null;
        if (question is { Type: QuestionType.File, ECertificate: { } kind } && Uploaded is null)
        {
            // Once-only: the city's own e-certificate of the person the form names stands in for the upload.
            Held = question.ECertificateHolder is { } holder
                ? await certificates.Handle(kind, answers.GetValueOrDefault(holder), cancellationToken)
                : await certificates.OfApplicant(kind, ResidentId, answers.GetValueOrDefault("applicant.idNumber"), cancellationToken);
        }

        BackUrl = Change ? $"{Form.Path}/check"
            : ApplicationFlow.Before(Form, answers, question.Id, Today) is { } before ? $"{Form.Path}/{before.Id}"
            : $"/{Kind}/{Code}";
        if (answers.TryGetValue(question.Id, out var held) && question.Type != QuestionType.File)
        {
            if (question.Type == QuestionType.Date && DateOnly.TryParseExact(held, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                (Day, Month, Year) = (date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Answer = question.Type == QuestionType.Phone ? held.Replace("+86", "", StringComparison.Ordinal) : held;
            }
        }

        return null;
    }

    private void Record(FormStep step) => funnel.Handle(Form.Key, Question!.Id, step, Actor.Channel, ResidentId);

    /// <summary>The first question still to answer, or the check-answers page.</summary>
    private string NextUrl(IReadOnlyDictionary<string, string> answers) =>
        ApplicationFlow.Next(Form, answers, Today) is { } next ? $"{Form.Path}/{next.Id}" : $"{Form.Path}/check";
}
