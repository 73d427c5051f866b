using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// A partner she allowed to apply for her fills the same form, with the same checks and the same draft as the web,
/// and sends it: the case is hers, came by the partner app, and is on her trail under the partner's name.
/// </summary>
public sealed class PartnerApplicationTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static int _partners;

    private async Task<(PartnerClient Partner, FormClient Her, string Mobile, string Access)> Consented(string granted)
    {
        var partner = await PartnerClient.Register(app, "apply-partner-" + Interlocked.Increment(ref _partners), nameEn: "Pearl Telecom");
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        return (partner, her, mobile, await partner.AccessFor(her, granted));
    }

    [Fact]
    public async Task ThePartnerFillsTheWebsForm_RefusedAnswersSayWhyInHerLanguage_AndAHundredSendsMakeOneCase()
    {
        var (partner, her, mobile, access) = await Consented("applications.write");
        var (started, application) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { service = "senior-citizen-card" });
        Assert.Equal(HttpStatusCode.Created, started);
        var id = application.GetProperty("id").GetString()!;

        // A wrong ID number is refused with the web's own message, in Chinese when that is asked for, and nothing is saved.
        var (badStatus, bad) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{id}/answers/applicant.idNumber", access, new { value = "12345" }, language: "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Matches("[\u4e00-\u9fff]", bad.GetProperty("errors").GetProperty("applicant.idNumber")[0].GetString()!);

        // Starting again resumes the same draft, which the partner then fills in to the end.
        application = await partner.FillIn(access, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        Assert.Equal(id, application.GetProperty("id").GetString());
        Assert.False(application.TryGetProperty("next", out _)); // nothing left to ask: ready to send
        Assert.Contains("applicant.idNumber", application.GetProperty("answered").EnumerateArray().Select(a => a.GetString()));
        var sends = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{id}/submit", access, null)));
        Assert.All(sends, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        var references = sends.Select(s => s.Body.GetProperty("cases")[0].GetProperty("reference").GetString()).Distinct().ToList();
        var reference = Assert.Single(references)!;
        Assert.Equal("WithOfficer", sends[0].Body.GetProperty("cases")[0].GetProperty("status").GetString()); // under 60: a person decides
        Assert.Equal("PartnerApp", sends[0].Body.GetProperty("cases")[0].GetProperty("channel").GetString());

        // Hers on the web, and on her trail under the partner's name.
        Assert.Contains(reference, (await her.Get("/me/applications")).Html, StringComparison.Ordinal);
        var resident = await People.Resident(app, mobile);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.ResidentId == resident.Id, TestContext.Current.CancellationToken));
        Assert.True(await db.AuditRecords.AnyAsync(r => r.ResidentId == resident.Id && r.ActorKind == ActorKind.Partner && r.ActorName.Contains("Pearl Telecom"), TestContext.Current.CancellationToken));

        // Sent is sent: no more answers into it.
        var (late, _) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{id}/answers/applicant.address", access, new { value = "罗湖区1号" });
        Assert.Equal(HttpStatusCode.Conflict, late);
    }

    [Fact]
    public async Task WithoutTheScope_OrOnSomeoneElsesApplication_OrAnUnknownService_NothingIsDone()
    {
        var (readOnly, _, _, readAccess) = await Consented("cases.read");
        var (noScope, problem) = await readOnly.Api(HttpMethod.Post, "/api/v1/me/applications", readAccess, new { service = "senior-citizen-card" });
        Assert.Equal(HttpStatusCode.Forbidden, noScope);
        Assert.Equal("insufficient_scope", problem.GetProperty("title").GetString());

        var (partner, _, _, access) = await Consented("applications.write");
        var (other, _, _, otherAccess) = await Consented("applications.write");
        var (_, hers) = await other.Api(HttpMethod.Post, "/api/v1/me/applications", otherAccess, new { service = "senior-citizen-card" });
        var (foreign, _) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{hers.GetProperty("id").GetString()}/answers/applicant.fullName", access, new { value = "冒名" });
        Assert.Equal(HttpStatusCode.NotFound, foreign);

        var (unknown, _) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { service = "no-such-service" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        var (empty, _) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { });
        Assert.Equal(HttpStatusCode.NotFound, empty);
        var (notAsked, _) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{Guid.NewGuid()}/answers/x", access, new { value = "x" });
        Assert.Equal(HttpStatusCode.NotFound, notAsked);
    }

    [Fact]
    public async Task ALifeEvent_AsksSharedQuestionsOnce_LeavesOutWhatSheDoesNotWant_AndMakesACasePerService()
    {
        var (partner, _, _, access) = await Consented("applications.write");
        var (_, events) = await partner.Api("/api/v1/life-events", access);
        var retirement = events.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "retirement");
        Assert.Equal(["basic-pension-claim", "hpf-withdrawal-retirement", "senior-citizen-card"], retirement.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order());

        var born = new DateOnly(1961, 3, 1);
        var application = await partner.FillIn(access, new { lifeEvent = "retirement", leaveOut = new[] { "hpf-withdrawal-retirement" } }, new Dictionary<string, string>
        {
            ["applicant.fullName"] = "李建国",
            ["applicant.idNumber"] = People.IdNumberBornOn(born),
            ["applicant.dateOfBirth"] = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["applicant.residency"] = "hukou",
            ["applicant.address"] = "福田区福中三路1号",
            ["pension.contributionYears"] = "30",
            ["bank.accountNumber"] = "6222000011112222",
        });
        Assert.Equal("retirement", application.GetProperty("lifeEvent").GetString());
        Assert.Equal(["basic-pension-claim", "senior-citizen-card"], application.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order());
        var answered = application.GetProperty("answered").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Single(answered, a => a == "bank.accountNumber"); // asked once for the services that share it
        Assert.DoesNotContain("pension.retired", answered); // only the left-out housing fund asks it

        var (sent, submitted) = await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{application.GetProperty("id").GetString()}/submit", access, null);
        Assert.True(sent == HttpStatusCode.OK, submitted.ToString());
        Assert.Equal(["basic-pension-claim", "senior-citizen-card"], submitted.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("serviceCode").GetString()).Order());

        // Leaving everything out, naming both a service and a life event, or an unknown event starts nothing.
        var (all, _) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { lifeEvent = "retirement", leaveOut = new[] { "hpf-withdrawal-retirement" } });
        Assert.Equal(HttpStatusCode.Conflict, all); // the two others are hers already
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { service = "senior-citizen-card", lifeEvent = "retirement" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { lifeEvent = "no-such-event" })).Status);
    }

    [Fact]
    public async Task ADocumentIsSentAsAFile_WithTheWebsChecksAndVirusScan_RefusalsInHerLanguage()
    {
        var (partner, _, _, access) = await Consented("applications.write");
        var (_, application) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", access, new { service = "id-card-renewal" });
        var id = application.GetProperty("id").GetString()!;
        foreach (var (question, value) in new[] { ("applicant.fullName", "王芳"), ("applicant.idNumber", People.IdNumberBornOn(new DateOnly(1985, 6, 1))), ("idCard.reason", "expiring") })
        {
            (_, application) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{id}/answers/{question}", access, new { value });
        }

        Assert.Equal(("idCard.photo", "File"), (application.GetProperty("next").GetProperty("id").GetString(), application.GetProperty("next").GetProperty("type").GetString()));
        var (asText, where) = await partner.Api(HttpMethod.Put, $"/api/v1/me/applications/{id}/answers/idCard.photo", access, new { value = "photo.pdf" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asText);
        Assert.Contains($"/api/v1/me/applications/{id}/files/idCard.photo", where.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var path = $"/api/v1/me/applications/{id}/files/idCard.photo";
        foreach (var bad in new[] { System.Text.Encoding.ASCII.GetBytes("not a document at all"), Tongban.Platform.Files.EicarTestScanner.Signature })
        {
            var (refused, problem) = await partner.Upload(path, access, "photo.pdf", bad, language: "zh-CN");
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty("idCard.photo")[0].GetString()!);
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await partner.Api(HttpMethod.Put, path, access, new { value = "photo.pdf" })).Status);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var (kept, state) = await partner.Upload(path, access, "photo.pdf", pdf);
        Assert.True(kept == HttpStatusCode.OK, state.ToString());
        Assert.Contains("idCard.photo", state.GetProperty("answered").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("applicant.address", state.GetProperty("next").GetProperty("id").GetString());
    }
}
