using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cases;

/// <summary>The case log through the officer's and the resident's pages: accept, one-time notice, answer, decide, withdraw.</summary>
public sealed class CaseWorkflowTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    /// <summary>A senior-citizen card asked for by someone the rules find too young: it goes to a person (5 working days).</summary>
    public static readonly Dictionary<string, string> TooYoungForTheCard = new()
    {
        ["applicant.fullName"] = "陈志强",
        ["applicant.idNumber"] = People.IdNumberBornOn(new DateOnly(1990, 1, 1)),
        ["applicant.dateOfBirth"] = "1990-01-01",
        ["applicant.residency"] = "hukou",
        ["applicant.address"] = "南山区科技园1号",
    };

    private async Task<(FormClient Resident, string Reference)> CaseWithOfficer()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        return (resident, await Applying.Apply(resident, "senior-citizen-card", TooYoungForTheCard));
    }

    private async Task<(Case Case, List<CaseAction> Log)> Stored(string reference)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        var log = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == found.Id).OrderBy(a => a.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        return (found, log);
    }

    private static Task<(HttpStatusCode Status, string Html, Uri? Location)> Act(FormClient browser, string url, CaseActionKind kind, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["Act"] = kind.ToString() };
        return browser.Submit(url, form);
    }

    /// <summary>Posts an action the page does not offer (a stale tab, a forged form), with a token from a page that has one.</summary>
    private static Task<(HttpStatusCode Status, string Html, Uri? Location)> Forge(FormClient browser, string tokenPage, string url, CaseActionKind kind, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["Act"] = kind.ToString(), ["Version"] = "0" };
        return browser.Submit(tokenPage, form, action: url);
    }

    /// <summary>A reference printed before the check character changed (ending in a symbol) still finds her case.</summary>
    [Fact]
    public async Task AReferenceFromAnOldLetter_StillFindsTheCase()
    {
        var (resident, reference) = await CaseWithOfficer();
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Reference == CaseReference.Normalize(reference))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Reference, "Y0N95SGB$"), TestContext.Current.CancellationToken);
        }

        var (status, html, _) = await resident.Get("/cases/y0n9-5sgb-$");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Y0N9-5SGB-$", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Get("/cases/Y0N9-5SGB-*")).Status);
    }

    [Fact]
    public async Task AcceptAskForEverythingAtOnceAnswerAndApprove_EachStepIsLoggedAndTheStatusFollows()
    {
        var (resident, reference) = await CaseWithOfficer();
        var officer = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        Assert.Equal(CaseStatus.WithOfficer, (await Stored(reference)).Case.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.Accepted)).Status);
        var accepted = (await Stored(reference)).Case;
        Assert.Equal((CaseStatus.InProgress, "赵磊"), (accepted.Status, accepted.AssignedToName));

        var (status, html, _) = await Act(officer, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "  \n " });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("List every missing item, one per line.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register (户口簿) of the applicant\r\nA recent photo, 2 inch\n" })).Status);
        Assert.Equal(CaseStatus.WaitingForResident, (await Stored(reference)).Case.Status);

        var (_, herPage, _) = await resident.Get($"/cases/{reference}");
        Assert.Contains("What we still need from you", herPage, StringComparison.Ordinal);
        Assert.Contains("Household register (户口簿) of the applicant", herPage, StringComparison.Ordinal);
        Assert.Contains("A recent photo, 2 inch", herPage, StringComparison.Ordinal);
        (status, html, _) = await Act(resident, $"/cases/{reference}", CaseActionKind.InformationProvided, new() { ["Text"] = " " });
        Assert.Contains("Write your answer, add a document, or both.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(resident, $"/cases/{reference}", CaseActionKind.InformationProvided, new() { ["Text"] = "I will bring both to the Futian hall on Monday." })).Status);
        Assert.Equal(CaseStatus.InProgress, (await Stored(reference)).Case.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.Approved)).Status);
        var (done, log) = await Stored(reference);
        Assert.Equal(CaseStatus.Approved, done.Status);
        Assert.Equal(
            [CaseActionKind.Submitted, CaseActionKind.Accepted, CaseActionKind.MoreInformationRequested, CaseActionKind.InformationProvided, CaseActionKind.Approved],
            log.Select(a => a.Kind));
        Assert.Equal(log.Count, done.Version);
        Assert.Equal(["Household register (户口簿) of the applicant", "A recent photo, 2 inch"], log[2].Items);
        Assert.Equal((ActorKind.Resident, Channel.Online), (log[3].ActorKind, log[3].Channel));
        Assert.Equal((ActorKind.Staff, Channel.Office), (log[4].ActorKind, log[4].Channel));

        (_, herPage, _) = await resident.Get($"/cases/{reference}");
        Assert.Contains("I will bring both to the Futian hall on Monday.", herPage, StringComparison.Ordinal);
        Assert.Contains("Approved", herPage, StringComparison.Ordinal);
        Assert.Contains("In the office", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);

        // A decided case offers no more actions, and a forged one is refused without a change.
        (status, html, _) = await Forge(officer, "/staff", staffPage, CaseActionKind.Rejected, new() { ["Text"] = "late change of mind", ["LegalBasis"] = "none" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This action is not possible for this case now. Nothing was changed.", html, StringComparison.Ordinal);
        Assert.Equal(log.Count, (await Stored(reference)).Log.Count);
    }

    /// <summary>
    /// Her answer to a notice can be documents (photos or scans), with or without words: each is checked and scanned as an
    /// upload to a form is, the officer downloads it (on her trail), and a refused file keeps what she wrote and sends nothing.
    /// </summary>
    [Fact]
    public async Task SheAnswersANoticeWithDocuments_TheOfficerDownloadsThem()
    {
        var (resident, reference) = await CaseWithOfficer();
        var officer = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.Accepted)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register (户口簿)\nA recent photo" })).Status);
        var herPage = $"/cases/{reference}";
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        var answer = new Dictionary<string, string> { ["Act"] = nameof(CaseActionKind.InformationProvided), ["Text"] = "Both pages attached." };

        var (status, html, _) = await resident.Upload(herPage, answer, ("Documents", "virus.pdf", [.. pdf, .. Tongban.Platform.Files.EicarTestScanner.Signature]));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("may be harmful", html, StringComparison.Ordinal);
        Assert.Contains("Both pages attached.", html, StringComparison.Ordinal); // what she wrote is still there
        (status, html, _) = await resident.Upload(herPage, answer, [.. Enumerable.Range(0, 4).Select(i => ("Documents", $"page{i}.pdf", pdf))]);
        Assert.Contains("Add at most 3 documents to one answer", html, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.WaitingForResident, (await Stored(reference)).Case.Status);

        (status, _, _) = await resident.Upload(herPage, new Dictionary<string, string> { ["Act"] = nameof(CaseActionKind.InformationProvided) }, ("Documents", "户口簿.pdf", pdf), ("Documents", "photo.png", png));
        Assert.Equal(HttpStatusCode.Redirect, status); // documents alone are an answer
        var (answered, log) = await Stored(reference);
        Assert.Equal(CaseStatus.InProgress, answered.Status);
        Assert.Equal(["户口簿.pdf", "photo.png"], log[^1].Documents.Select(d => Tongban.Platform.Files.UploadedFile.Read(d)!.Name));
        Assert.Contains("photo.png", (await resident.Get(herPage)).Html, StringComparison.Ordinal);

        var (_, page, _) = await officer.Get(staffPage);
        Assert.Contains("Documents sent:", page, StringComparison.Ordinal);
        var (bytes, disposition) = await officer.Download($"{staffPage}?handler=ReplyDocument&sequence={log[^1].Sequence}&index=1");
        Assert.Equal(png, bytes);
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get($"{staffPage}?handler=ReplyDocument&sequence={log[^1].Sequence}&index=2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await People.SignInStaff(app, "officer.hr")).Get($"{staffPage}?handler=ReplyDocument&sequence={log[^1].Sequence}&index=0")).Status);
        Assert.Contains("Opened a document you sent", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficerDownloadsTheDocumentsSheSent_OnlyHerDepartment_AndItIsOnHerTrail()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        var reference = await Applying.Apply(resident, "death-benefit", new Dictionary<string, string>
        {
            ["applicant.fullName"] = "张伟",
            ["applicant.idNumber"] = "440304195603270015",
            ["death.relationship"] = "spouse",
            ["death.fullName"] = "李秀兰",
            ["death.idNumber"] = "440304195603270023",
            ["death.date"] = CityToday().AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["death.certificate"] = "pdf:死亡证明.pdf",
            ["bank.accountNumber"] = "6222000011112222",
        });
        var officer = await People.SignInStaff(app, "officer.hr");
        var (_, page, _) = await officer.Get($"/staff/cases/{reference}");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/staff/cases/[^\"]+handler=Document[^\"]+)\"");
        Assert.True(link.Success, "the document has a download link");
        var url = WebUtility.HtmlDecode(link.Groups[1].Value);

        var (status, _, _) = await new FormClient(app).Get(url);
        Assert.NotEqual(HttpStatusCode.OK, status); // nobody signed in
        Assert.Equal(HttpStatusCode.NotFound, (await (await People.SignInStaff(app, "officer.civil")).Get(url)).Status); // as if it did not exist
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get($"/staff/cases/{reference}?handler=Document&question=applicant.fullName")).Status);

        var (bytes, disposition) = await officer.Download(url);
        Assert.Equal(Applying.Pdf, bytes);
        Assert.StartsWith("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains("Opened a document you sent with your application", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    private DateOnly CityToday() => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    [Fact]
    public async Task ATextAnswerShapedLikeAStoredFile_IsShownAsText_NeverOfferedAsADocument()
    {
        // Someone who learned another upload's key types it as her address, hoping the officer's page serves that file.
        var resident = await People.SignInResident(app, People.NewMobile());
        var answers = new Dictionary<string, string>(TooYoungForTheCard) { ["applicant.address"] = "file:0123456789abcdef:application/pdf:10:contract.pdf" };
        var reference = await Applying.Apply(resident, "senior-citizen-card", answers);
        var officer = await People.SignInStaff(app, "officer.civil");

        var (_, page, _) = await officer.Get($"/staff/cases/{reference}");

        Assert.Contains("file:0123456789abcdef", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Document", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get($"/staff/cases/{reference}?handler=Document&question=applicant.address")).Status);
    }

    [Fact]
    public async Task ARefusal_NeedsReasonsAndALegalBasis_AndKeepsWhatWasTyped()
    {
        var (_, reference) = await CaseWithOfficer();
        var officer = await People.SignInStaff(app, "officer.civil", "zh-CN");
        var staffPage = $"/staff/cases/{reference}";
        await Act(officer, staffPage, CaseActionKind.Accepted);

        var (status, html, _) = await Act(officer, staffPage, CaseActionKind.Rejected, new() { ["Text"] = "申请人未满60周岁" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请写明拒绝所依据的法律或法规。", html, StringComparison.Ordinal);
        Assert.Contains("申请人未满60周岁</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.InProgress, (await Stored(reference)).Case.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(officer, staffPage, CaseActionKind.Rejected, new() { ["Text"] = "申请人未满60周岁", ["LegalBasis"] = "《深圳市老年人优待办法》第五条" })).Status);
        var (rejected, log) = await Stored(reference);
        Assert.Equal(CaseStatus.Rejected, rejected.Status);
        Assert.Equal("《深圳市老年人优待办法》第五条", log[^1].LegalBasis);
    }

    [Fact]
    public async Task TwoOfficersAtOnce_TheSecondIsToldNothingOfHersWasSaved_AndKeepsWhatSheTyped()
    {
        var (_, reference) = await CaseWithOfficer();
        var first = await People.SignInStaff(app, "officer.civil");
        var second = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        var seen = (await Stored(reference)).Case.Version;

        Assert.Equal(HttpStatusCode.Redirect, (await Act(first, staffPage, CaseActionKind.Accepted)).Status);
        var (status, html, _) = await Act(second, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Proof of address", ["Version"] = $"{seen}" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Someone else acted on this case while you had it open.", html, StringComparison.Ordinal);
        Assert.Contains("Proof of address</textarea>", html, StringComparison.Ordinal);
        Assert.Equal([CaseActionKind.Submitted, CaseActionKind.Accepted], (await Stored(reference)).Log.Select(a => a.Kind));
    }

    [Fact]
    public async Task ActionsRacingOnTheSameVersion_OnlyOneLands()
    {
        var (_, reference) = await CaseWithOfficer();
        var (stored, _) = await Stored(reference);
        var officer = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test officer", Channel.Office, "department:civil-affairs") { Role = "CaseOfficer" };

        async Task<AppendResult> Try(CaseActionInput input)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppendCaseAction>().Handle(stored.Id, stored.Version, officer, input, TestContext.Current.CancellationToken);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Try(i % 2 == 0 ? new(CaseActionKind.Accepted) : new(CaseActionKind.MoreInformationRequested, Items: ["Photo"])))));

        Assert.Equal(1, results.Count(r => r == AppendResult.Done));
        Assert.All(results.Where(r => r != AppendResult.Done), r => Assert.Equal(AppendResult.Stale, r));
        var (after, log) = await Stored(reference);
        Assert.Equal((2, 2), (log.Count, after.Version));
    }

    /// <summary>The case log itself refuses an action the actor's side may not take, whatever page or job asks (see CaseActionRights).</summary>
    [Fact]
    public async Task TheLogRefusesAnActionTheActorMayNotTake_AndChangesNothing()
    {
        var (_, reference) = await CaseWithOfficer();
        var (stored, _) = await Stored(reference);
        var officer = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test officer", Channel.Office, "department:civil-affairs") { Role = "CaseOfficer" };
        var clerk = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test clerk", Channel.Counter, "consent:TEST") { Role = "CounterClerk" };
        var analyst = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test analyst", Channel.Office, "department:civil-affairs") { Role = "Analyst" };
        var roleless = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test officer", Channel.Office, "department:civil-affairs");

        async Task<AppendResult> Try(Actor actor, CaseActionInput input)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppendCaseAction>().Handle(stored.Id, stored.Version, actor, input, TestContext.Current.CancellationToken);
        }

        Assert.Equal(AppendResult.NotAllowed, await Try(Actor.Self(stored.ResidentId), new(CaseActionKind.Accepted)));
        Assert.Equal(AppendResult.NotAllowed, await Try(clerk, new(CaseActionKind.Accepted)));
        Assert.Equal(AppendResult.NotAllowed, await Try(analyst, new(CaseActionKind.Accepted)));
        Assert.Equal(AppendResult.NotAllowed, await Try(roleless, new(CaseActionKind.Accepted)));
        Assert.Equal(AppendResult.NotAllowed, await Try(officer, new(CaseActionKind.Withdrawn)));
        Assert.Equal(AppendResult.NotAllowed, await Try(officer, new(CaseActionKind.Reassigned, AssignTo: officer.Id, AssignToName: officer.Name)));
        Assert.Equal(stored.Version, (await Stored(reference)).Log.Count);

        Assert.Equal(AppendResult.Done, await Try(clerk, new(CaseActionKind.Withdrawn)));
    }

    /// <summary>An officer's decision is one entry on her trail: the page shown after it is not a second look.</summary>
    [Fact]
    public async Task ADecision_LeavesOneEntryOnHerTrail_ALaterLookAnother()
    {
        var (_, reference) = await CaseWithOfficer();
        var residentId = (await Stored(reference)).Case.ResidentId;
        var officer = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        var token = await officer.AntiforgeryToken(staffPage);
        var before = await TrailOf(residentId);

        var (status, _, location) = await officer.Post(staffPage, new Dictionary<string, string> { ["Act"] = "Accepted", ["Version"] = $"{(await Stored(reference)).Case.Version}", ["__RequestVerificationToken"] = token! });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(HttpStatusCode.OK, (await officer.Get(location!.ToString())).Status);

        var after = await TrailOf(residentId);
        Assert.Equal([AuditAction.Changed], after.Skip(before.Count).Select(r => r.Action));

        Assert.Equal(HttpStatusCode.OK, (await officer.Get(staffPage)).Status);
        Assert.Equal([AuditAction.Changed, AuditAction.Viewed], (await TrailOf(residentId)).Skip(before.Count).Select(r => r.Action));
    }

    /// <summary>一次性告知 means once: a second notice is not offered to the officer and refused if forged; the head may send one, with a reason she is shown.</summary>
    [Fact]
    public async Task AOneTimeNotice_IsSentOnce_AFurtherOneOnlyByTheHeadWithAReasonSheIsShown()
    {
        var (resident, reference) = await CaseWithOfficer();
        var officer = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        await Act(officer, staffPage, CaseActionKind.Accepted);
        await Act(officer, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register (户口簿)" });
        await Act(resident, $"/cases/{reference}", CaseActionKind.InformationProvided, new() { ["Text"] = "Brought it to the hall." });
        Assert.Equal(CaseStatus.InProgress, (await Stored(reference)).Case.Status);

        var (_, officerPage, _) = await officer.Get(staffPage);
        Assert.DoesNotContain($"value=\"{CaseActionKind.MoreInformationRequested}\"", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{CaseActionKind.FurtherNotice}\"", officerPage, StringComparison.Ordinal);
        var version = $"{(await Stored(reference)).Case.Version}";
        var (_, refused, _) = await Forge(officer, staffPage, staffPage, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "A photo", ["Version"] = version });
        Assert.Contains("This action is not possible for this case now.", refused, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.InProgress, (await Stored(reference)).Case.Status);

        var head = await People.SignInStaff(app, "head.civil");
        var (_, headPage, _) = await head.Get(staffPage);
        Assert.DoesNotContain($"value=\"{CaseActionKind.MoreInformationRequested}\"", headPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{CaseActionKind.FurtherNotice}\"", headPage, StringComparison.Ordinal);
        var (status, noReason, _) = await Act(head, staffPage, CaseActionKind.FurtherNotice, new() { ["Items"] = "A recent photo, 2 inch" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Say why the one-time notice did not list these items", noReason, StringComparison.Ordinal);
        Assert.Contains("A recent photo, 2 inch", noReason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, staffPage, CaseActionKind.FurtherNotice, new() { ["Items"] = "A recent photo, 2 inch", ["Text"] = "The card's new rules of 1 December ask for a photo." })).Status);

        var (stored, log) = await Stored(reference);
        Assert.Equal(CaseStatus.WaitingForResident, stored.Status);
        Assert.Equal(1, log.Count(a => a.Kind == CaseActionKind.MoreInformationRequested));
        var (_, herPage, _) = await resident.Get($"/cases/{reference}");
        Assert.Contains("The department head approved asking you for them", herPage, StringComparison.Ordinal);
        Assert.Contains("The card&#x27;s new rules of 1 December ask for a photo.", herPage, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing else will be asked of you later", herPage, StringComparison.Ordinal);
    }

    /// <summary>Her trail says what each officer did, with the right they did it by, in both languages.</summary>
    [Fact]
    public async Task HerTrail_SaysWhatTheOfficerDid_AndByWhatRight()
    {
        var mobile = People.NewMobile();
        var resident = await People.SignInResident(app, mobile);
        var reference = await Applying.Apply(resident, "senior-citizen-card", TooYoungForTheCard);
        var officer = await People.SignInStaff(app, "officer.civil");
        await Act(officer, $"/staff/cases/{reference}", CaseActionKind.Accepted);
        await Act(officer, $"/staff/cases/{reference}", CaseActionKind.Approved);

        var (_, english, _) = await resident.Get("/me/activity");
        Assert.Contains("Accepted your application (the time limit runs)", english, StringComparison.Ordinal);
        Assert.Contains("Approved your application", english, StringComparison.Ordinal);
        Assert.Contains("Officer of the department that handles the application", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Asked for a person to review", english, StringComparison.Ordinal);

        var chinese = await People.SignInResident(app, mobile, "zh-CN");
        var (_, zh, _) = await chinese.Get("/me/activity");
        Assert.Contains("受理了您的申请", zh, StringComparison.Ordinal);
        Assert.Contains("批准了您的申请", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("为您申请了人工复核", zh, StringComparison.Ordinal);
    }

    /// <summary>Before an officer accepts, her page does not say accepted (已受理) in any language.</summary>
    [Fact]
    public async Task BeforeAnOfficerAccepts_NothingSaysAccepted()
    {
        var mobile = People.NewMobile();
        var chinese = await People.SignInResident(app, mobile, "zh-CN");
        var reference = await Applying.Apply(chinese, "senior-citizen-card", TooYoungForTheCard);

        var (_, zh, _) = await chinese.Get($"/cases/{reference}");

        Assert.DoesNotContain("已受理", zh, StringComparison.Ordinal);
        Assert.Contains("等待工作人员受理", zh, StringComparison.Ordinal);
    }

    private async Task<List<AuditRecord>> TrailOf(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().Records(residentId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SheWithdraws_ThenNobodyCanActOnIt()
    {
        var (resident, reference) = await CaseWithOfficer();
        Assert.Equal(HttpStatusCode.Redirect, (await Act(resident, $"/cases/{reference}", CaseActionKind.Withdrawn)).Status);
        Assert.Equal(CaseStatus.Withdrawn, (await Stored(reference)).Case.Status);

        var (_, again, _) = await Forge(resident, "/me", $"/cases/{reference}", CaseActionKind.Withdrawn);
        Assert.Contains("This is not possible for this application now. Nothing was changed.", again, StringComparison.Ordinal);
        var officer = await People.SignInStaff(app, "officer.civil");
        var (_, staffHtml, _) = await officer.Get($"/staff/cases/{reference}");
        Assert.DoesNotContain("Decide or act", staffHtml, StringComparison.Ordinal);
        var (_, refused, _) = await Forge(officer, "/staff", $"/staff/cases/{reference}", CaseActionKind.Accepted);
        Assert.Contains("This action is not possible for this case now.", refused, StringComparison.Ordinal);
        Assert.Equal(2, (await Stored(reference)).Log.Count);
    }

    [Fact]
    public async Task OnlyTheHeadHandsCasesToColleagues_OfHerOwnDepartment()
    {
        var (_, reference) = await CaseWithOfficer();
        var staffPage = $"/staff/cases/{reference}";
        var officer = await People.SignInStaff(app, "officer.civil");
        var (_, officerView, _) = await officer.Get(staffPage);
        Assert.DoesNotContain("Hand to", officerView, StringComparison.Ordinal);
        var (_, refused, _) = await Act(officer, staffPage, CaseActionKind.Reassigned, new() { ["AssignTo"] = Guid.NewGuid().ToString() });
        Assert.Contains("This action is not possible for this case now.", refused, StringComparison.Ordinal);
        Assert.Single((await Stored(reference)).Log);

        var head = await People.SignInStaff(app, "head.civil");
        var (_, headView, _) = await head.Get(staffPage);
        Assert.Contains("吴静", headView, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", headView, StringComparison.Ordinal); // an HR officer is not offered
        var (_, noOne, _) = await Act(head, staffPage, CaseActionKind.Reassigned, new() { ["AssignTo"] = "" });
        Assert.Contains("Choose the officer to hand the case to.", noOne, StringComparison.Ordinal);
        var colleague = System.Text.RegularExpressions.Regex.Match(headView, "<option value=\"([0-9a-f-]{36})\">吴静</option>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, staffPage, CaseActionKind.Reassigned, new() { ["AssignTo"] = colleague })).Status);
        Assert.Equal("吴静", (await Stored(reference)).Case.AssignedToName);
        // She finds it on her workbench, in her language.
        var (_, workbench, _) = await (await People.SignInStaff(app, "officer2.civil", "zh-CN")).Get("/staff");
        Assert.Matches($"{Regex.Escape(CaseReference.Display(reference))}</a>:\\s*已分派给您", workbench); // the check character may be * or $
    }
}
