using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Applications;
using Tongban.Applications.Reapplying;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// <c>/api/v1/me/applications</c>: a partner she allowed to (scope <c>applications.write</c>) starts, fills and sends her
/// application from the same form definition, the same checks and the same draft as the web, so every form and rule
/// works through the API with no second copy, and she can carry on on the web or at a counter where it stopped.
/// A life event's application makes one case per service, as on the web, and may leave some of them out. A document
/// (a question of type File) is sent as multipart/form-data and goes through the web's own checks and virus scan.
/// </summary>
public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/me/applications", Start).WithName("startMyApplication").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Starts her application for a service ('service') or a life event ('lifeEvent', without the services in 'leaveOut'), or resumes the one she has open (scope applications.write).");
        v1.MapPut("/me/applications/{id:guid}/answers/{questionId}", Answer).WithName("answerMyApplication").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Answers one question; 400 with the reason in her language (Accept-Language) when the answer will not do (scope applications.write).");
        v1.MapPut("/me/applications/{id:guid}/files/{questionId}", Upload).WithName("uploadToMyApplication").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .WithMetadata(new RequestSizeLimitAttribute(FilesSetup.MaxRequestBytes)).DisableAntiforgery() // a bearer token, not a cookie: no cross-site forgery to stop
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Answers a question of type File with her document (multipart/form-data, field 'file': PDF, JPEG or PNG under 5 MB, checked for viruses) (scope applications.write).");
        v1.MapPost("/me/applications/{id:guid}/submit", Submit).WithName("submitMyApplication").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sends the application; sending again returns the same cases (scope applications.write).");
        return v1;
    }

    private static async Task<Results<Created<ApiApplication>, ProblemHttpResult>> Start(
        ApiStart body, HttpContext http, PartnerCaller caller, CatalogueStore catalogue, EarlierCases earlierCases, StartApplication start, ChooseServices choose, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.Apply, cancellationToken) is not { ResidentId: { } residentId })
        {
            return ApiProblems.NotAllowed(PartnerScopes.Apply);
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var whole = (body.Service, body.LifeEvent) switch
        {
            ({ Length: > 0 and <= 100 } code, null) => snapshot.ApplicationForm("services", code),
            (null, { Length: > 0 and <= 100 } code) => snapshot.ApplicationForm("life-events", code),
            _ => null,
        };
        if (whole is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such service or life event.",
                detail: "Give either 'service', the code of a service in /api/v1/services that is applied for online, or 'lifeEvent', the code of one in /api/v1/life-events.");
        }

        // As on the web: a life event leaves out what she cannot apply for now, and what she chose not to; a service she
        // cannot apply for now is refused with why.
        var earlier = await earlierCases.Of(residentId, [.. whole.Services.Select(s => s.Service.Code)], cancellationToken);
        var blocked = MayApplyAgain.InForm(whole, earlier, clock.Today());
        var leaveOut = (body.LeaveOut ?? []).Intersect(whole.Services.Select(s => s.Service.Code), StringComparer.Ordinal).ToList();
        if (blocked.Count + leaveOut.Except(blocked.Select(b => b.Service.Code)).Count() >= whole.Services.Count)
        {
            var because = blocked.Count > 0 ? blocked[0] : null;
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "She cannot apply for this now.",
                detail: because is null ? "Leave at least one service in." : $"{because.Block}: see her case {Cases.CaseReference.Display(because.Because.Reference)}.");
        }

        var form = whole.Without([.. blocked.Select(b => b.Service.Code)]);
        var draft = await start.Handle(residentId, form, Channel.PartnerApp, cancellationToken);
        // What she chose on the web for a draft resumed here stays, unless the partner says otherwise.
        if (body.LeaveOut is not null && whole.Services.Count > 1 && !draft.LeftOut.SequenceEqual(leaveOut.Order(StringComparer.Ordinal)))
        {
            await choose.Handle(draft.Id, leaveOut, cancellationToken);
            draft.LeftOut = [.. leaveOut.Order(StringComparer.Ordinal)];
        }

        return TypedResults.Created($"/api/v1/me/applications/{draft.Id}", State(draft, form.Without(draft.LeftOut), clock.Today()));
    }

    private static async Task<Results<Ok<ApiApplication>, ProblemHttpResult, ValidationProblem>> Answer(
        Guid id, string questionId, ApiAnswer body, HttpContext http, PartnerCaller caller, AppDbContext db, CatalogueStore catalogue, SaveAnswer save,
        RecordFormStep funnel, EarlierCases earlierCases, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var (asked, problem) = await Asked(id, questionId, http, caller, db, catalogue, earlierCases, clock, cancellationToken);
        if (asked is not var (residentId, draft, form, answers, question, today))
        {
            return problem!;
        }

        if (question.Type == QuestionType.File)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "A document is asked for.",
                detail: $"Send it to /api/v1/me/applications/{draft.Id}/files/{question.Id} as multipart/form-data (field 'file').");
        }

        var typed = question.Type == QuestionType.Date && DateOnly.TryParseExact(body.Value, "yyyy-MM-dd", out var date)
            ? new TypedAnswer(null, $"{date.Day}", $"{date.Month}", $"{date.Year}")
            : question.Type == QuestionType.Date ? new TypedAnswer(null, body.Value, null, null) : new TypedAnswer(body.Value);
        var (value, error) = AnswerCheck.Check(question, typed, today, t);
        var (alsoSave, contradiction) = error is null ? BirthDateFromIdNumber.Check(form, question, value!, answers, draft.Prefilled, t) : (null, null);
        if ((error ?? contradiction) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [question.Id] = [refusal] }, title: "The answer will not do.");
        }

        return await Save(draft, form, question, new Dictionary<string, string>(alsoSave!) { [question.Id] = value! }, answers, save, funnel, residentId, today, cancellationToken);
    }

    private static async Task<Results<Ok<ApiApplication>, ProblemHttpResult, ValidationProblem>> Upload(
        Guid id, string questionId, IFormFile? file, HttpContext http, PartnerCaller caller, AppDbContext db, CatalogueStore catalogue, StoreUpload upload, SaveAnswer save,
        RecordFormStep funnel, EarlierCases earlierCases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (asked, problem) = await Asked(id, questionId, http, caller, db, catalogue, earlierCases, clock, cancellationToken);
        if (asked is not var (residentId, draft, form, answers, question, today))
        {
            return problem!;
        }

        if (question.Type != QuestionType.File)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a document.", detail: "This question is answered with a value: PUT it to /answers/{questionId}.");
        }

        // The web's own checks: size, kind by content, the virus scanner, then kept; each refusal in her language.
        var (value, error) = await upload.Handle(question, file, cancellationToken);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [question.Id] = [error] }, title: "The document will not do.");
        }

        return await Save(draft, form, question, new Dictionary<string, string> { [question.Id] = value! }, answers, save, funnel, residentId, today, cancellationToken);
    }

    /// <summary>A question of her open application, as the web would ask it now.</summary>
    private sealed record Asking(Guid ResidentId, Draft Draft, ApplicationForm Form, Dictionary<string, string> Answers, Question Question, DateOnly Today);

    /// <summary>The question, when it is asked now of her draft not yet sent; otherwise the problem to answer.</summary>
    private static async Task<(Asking? Asked, ProblemHttpResult? Problem)> Asked(
        Guid id, string questionId, HttpContext http, PartnerCaller caller, AppDbContext db, CatalogueStore catalogue, EarlierCases earlierCases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (residentId, draft, whole, problem) = await Open(id, http, caller, db, catalogue, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (draft!.SubmittedAt is not null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already sent.", detail: "This application was sent; start a new one to apply again."));
        }

        var today = clock.Today();
        var form = await Narrowed(whole!, draft, earlierCases, today, cancellationToken);
        var answers = draft.Answers();
        return ApplicationFlow.Visible(form, answers, today).FirstOrDefault(q => q.Id == questionId) is { } question
            ? (new(residentId, draft, form, answers, question, today), null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not asked.", detail: "This form does not ask that question, or not with the answers given so far."));
    }

    /// <summary>Saves what was answered (with what it implies), counts the step in the form's funnel, and shows where the application now stands.</summary>
    private static async Task<Results<Ok<ApiApplication>, ProblemHttpResult, ValidationProblem>> Save(
        Draft draft, ApplicationForm form, Question question, Dictionary<string, string> saving, Dictionary<string, string> answers, SaveAnswer save,
        RecordFormStep funnel, Guid residentId, DateOnly today, CancellationToken cancellationToken)
    {
        if (!await save.Handle(draft.Id, saving, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already sent.", detail: "This application was sent meanwhile.");
        }

        funnel.Handle(form.Key, question.Id, FormStep.Answered, Channel.PartnerApp, residentId);
        foreach (var (key, saved) in saving)
        {
            answers[key] = saved;
        }

        draft.SetAnswers(answers);
        return TypedResults.Ok(State(draft, form, today));
    }

    private static async Task<Results<Ok<ApiSubmitted>, ProblemHttpResult>> Submit(
        Guid id, HttpContext http, PartnerCaller caller, AppDbContext db, CatalogueStore catalogue, SubmitApplication submit, CancellationToken cancellationToken)
    {
        var (residentId, draft, form, problem) = await Open(id, http, caller, db, catalogue, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var call = (await caller.Of(http.User, cancellationToken))!;
        var result = await submit.Handle(draft!.Id, residentId, form!, call.Actor, cancellationToken);
        if (result is null)
        {
            return NoSuchApplication();
        }

        if (result.Unanswered is { } unanswered)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not finished.", detail: $"Answer '{unanswered.Id}' first.");
        }

        if (result.Cases.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "She cannot apply for this now.", detail: "She already has this service, or an application for it is open.");
        }

        var snapshot = await catalogue.Current(cancellationToken);
        return TypedResults.Ok(new ApiSubmitted([.. result.Cases.Select(c => ResidentCasesEndpoints.ToApi(c, snapshot))]));
    }

    /// <summary>Her draft of a service's form, for a partner allowed to apply for her; anyone else's reads as none.</summary>
    private static async Task<(Guid ResidentId, Draft? Draft, ApplicationForm? Form, ProblemHttpResult? Problem)> Open(
        Guid id, HttpContext http, PartnerCaller caller, AppDbContext db, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.Apply, cancellationToken) is not { ResidentId: { } residentId })
        {
            return (default, null, null, ApiProblems.NotAllowed(PartnerScopes.Apply));
        }

        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ResidentId == residentId, cancellationToken);
        var whole = draft?.FormKey.Split('/') is [var kind, var code] ? (await catalogue.Current(cancellationToken)).ApplicationForm(kind, code) : null;
        return whole is null ? (residentId, null, null, NoSuchApplication()) : (residentId, draft, whole, null);
    }

    /// <summary>The questions still to ask, as on the web: without the services she cannot apply for now, or chose to leave out.</summary>
    private static async Task<ApplicationForm> Narrowed(ApplicationForm whole, Draft draft, EarlierCases earlierCases, DateOnly today, CancellationToken cancellationToken)
    {
        var earlier = await earlierCases.Of(draft.ResidentId, [.. whole.Services.Select(s => s.Service.Code)], cancellationToken);
        return whole.Without([.. MayApplyAgain.InForm(whole, earlier, today).Select(b => b.Service.Code), .. draft.LeftOut]);
    }

    private static ProblemHttpResult NoSuchApplication() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such application.", detail: "She has no application with this id that a partner can fill.");

    private static ApiApplication State(Draft draft, ApplicationForm form, DateOnly today)
    {
        var answers = draft.Answers();
        var next = draft.SubmittedAt is null ? ApplicationFlow.Next(form, answers, today) : null;
        return new(draft.Id, form.Code, [.. answers.Keys.Where(k => !draft.Prefilled.Contains(k)).Order(StringComparer.Ordinal)], [.. draft.Prefilled.Order(StringComparer.Ordinal)],
            next is null ? null : new ApiQuestion(next.Id, next.Type.ToString(), ApiText.Of(next.Label), next.Hint is { } hint ? ApiText.Of(hint) : null, next.Optional,
                [.. next.Options.Select(o => new ApiOption(o.Value, ApiText.Of(o.Label)))]),
            draft.SubmittedAt is not null, draft.FormKey.StartsWith("life-events/", StringComparison.Ordinal) ? form.Code : null, [.. form.Services.Select(s => s.Service.Code)]);
    }
}
