using System.Net;
using Tongban.Cases.Log;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// On a case it sent for her, a partner shows her what the office asked and answers it for her, or withdraws it, through
/// the same log, rules and messages as the web; never on a case she started elsewhere, and a withdrawal is done once.
/// </summary>
public sealed class PartnerCaseActionsTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const string Scope = "openid offline_access cases.read applications.write";
    private static int _partners;

    [Fact]
    public async Task ThePartnerShowsWhatTheOfficeAsked_AnswersIt_AndAHundredWithdrawalsWithdrawOnce()
    {
        var partner = await PartnerClient.Register(app, "case-partner-" + Interlocked.Increment(ref _partners), nameEn: "Harbour Bank");
        var her = await People.SignInResident(app, People.NewMobile());
        var access = await partner.AccessFor(her, "cases.read applications.write", Scope);
        var application = await partner.FillIn(access, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var (_, sent) = await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{application.GetProperty("id").GetString()}/submit", access, null);
        var reference = sent.GetProperty("cases")[0].GetProperty("reference").GetString()!;
        await People.OfficerActs(app, reference, CaseActionKind.Accepted);
        await People.OfficerActs(app, reference, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register (户口簿) of the applicant\nA recent photo, 2 inch" });

        var (read, history) = await partner.Api($"/api/v1/me/cases/{reference}/history", access);
        Assert.Equal(HttpStatusCode.OK, read);
        var steps = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Submitted", "Accepted", "MoreInformationRequested"], steps.Select(s => s.GetProperty("action").GetString()));
        Assert.Equal("Partner", steps[0].GetProperty("by").GetString());
        Assert.Contains("Harbour Bank", steps[0].GetProperty("byName").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Household register (户口簿) of the applicant", "A recent photo, 2 inch"], steps[2].GetProperty("items").EnumerateArray().Select(i => i.GetString()));

        // An empty answer is refused in her language, and nothing changes; a real one starts the clock again.
        var (empty, problem) = await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "InformationProvided", text = " " }, language: "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty("text")[0].GetString()!);
        var (answered, state) = await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "InformationProvided", text = "I will bring both to the Futian hall on Monday." });
        Assert.True(answered == HttpStatusCode.OK, state.ToString());
        Assert.Equal("InProgress", state.GetProperty("status").GetString());
        Assert.Contains("I will bring both to the Futian hall on Monday.", (await her.Get($"/cases/{reference}")).Html, StringComparison.Ordinal);

        // An action she may not take, or one from an old version, changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "Approved" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "Withdrawn", version = 1 })).Status);

        var withdrawals = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "Withdrawn" })));
        Assert.Single(withdrawals, w => w.Status == HttpStatusCode.OK);
        Assert.All(withdrawals.Where(w => w.Status != HttpStatusCode.OK), w => Assert.Equal(HttpStatusCode.Conflict, w.Status));
        (_, history) = await partner.Api($"/api/v1/me/cases/{reference}/history", access);
        Assert.Equal(["Submitted", "Accepted", "MoreInformationRequested", "InformationProvided", "Withdrawn"],
            history.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task TheOfficesRequest_IsAnsweredWithDocuments_CheckedAsOnTheWeb()
    {
        var partner = await PartnerClient.Register(app, "case-partner-" + Interlocked.Increment(ref _partners));
        var her = await People.SignInResident(app, People.NewMobile());
        var access = await partner.AccessFor(her, "cases.read applications.write", Scope);
        var application = await partner.FillIn(access, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var (_, sent) = await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{application.GetProperty("id").GetString()}/submit", access, null);
        var reference = sent.GetProperty("cases")[0].GetProperty("reference").GetString()!;
        await People.OfficerActs(app, reference, CaseActionKind.Accepted);
        await People.OfficerActs(app, reference, CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register (户口簿) of the applicant" });
        var path = $"/api/v1/me/cases/{reference}/information";
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var (renamed, problem) = await partner.Multipart(HttpMethod.Post, path, access, [("text", "Here it is.")], [("documents", "register.pdf", System.Text.Encoding.ASCII.GetBytes("MZ not a pdf"))], "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, renamed);
        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty("documents")[0].GetString()!);
        var (tooMany, _) = await partner.Multipart(HttpMethod.Post, path, access, [], Enumerable.Range(1, 4).Select(i => ("documents", $"page{i}.pdf", pdf)));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);

        var (answered, state) = await partner.Multipart(HttpMethod.Post, path, access, [("text", "The register, page 1 and 2.")], [("documents", "register-1.pdf", pdf), ("documents", "register-2.pdf", pdf)]);
        Assert.True(answered == HttpStatusCode.OK, state.ToString());
        Assert.Equal("InProgress", state.GetProperty("status").GetString());
        var (_, history) = await partner.Api($"/api/v1/me/cases/{reference}/history", access);
        var answer = history.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(("InformationProvided", "The register, page 1 and 2."), (answer.GetProperty("action").GetString(), answer.GetProperty("text").GetString()));
        Assert.Equal(["register-1.pdf", "register-2.pdf"], answer.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await partner.Multipart(HttpMethod.Post, path, access, [("text", "Again.")], [])).Status); // answered already
    }

    [Fact]
    public async Task ACaseSheStartedOnTheWeb_ThePartnerMayReadButNotActOn_AndWithoutTheScopeNothing()
    {
        var partner = await PartnerClient.Register(app, "case-partner-" + Interlocked.Increment(ref _partners));
        var her = await People.SignInResident(app, People.NewMobile());
        var reference = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var access = await partner.AccessFor(her, "cases.read applications.write", Scope);
        Assert.Equal(HttpStatusCode.OK, (await partner.Api($"/api/v1/me/cases/{reference}/history", access)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", access, new { action = "Withdrawn" })).Status);

        var readOnly = await partner.AccessFor(her, "cases.read", Scope);
        var (status, problem) = await partner.Api(HttpMethod.Post, $"/api/v1/me/cases/{reference}/actions", readOnly, new { action = "Withdrawn" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("insufficient_scope", problem.GetProperty("title").GetString());

        var stranger = await People.SignInResident(app, People.NewMobile());
        var strangers = await partner.AccessFor(stranger, "cases.read applications.write", Scope);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api($"/api/v1/me/cases/{reference}/history", strangers)).Status);
    }
}
