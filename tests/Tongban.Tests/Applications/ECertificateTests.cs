using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Residents.Certificates;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>Once-only: a document the city holds as an e-certificate is shown, not asked for again.</summary>
public sealed class ECertificateTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const string Form = "/services/death-benefit/apply";

    private Dictionary<string, string> Answers(string deceased) => new()
    {
        ["applicant.fullName"] = "张伟",
        ["applicant.idNumber"] = "440304195603270015",
        ["death.relationship"] = "spouse",
        ["death.fullName"] = "李秀兰",
        ["death.idNumber"] = deceased,
        ["death.date"] = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["death.certificate"] = "",
        ["bank.accountNumber"] = "6222000011112222",
    };

    private async Task<ECertificate> Held(string holder, bool revoked = false)
    {
        var certificate = new ECertificate
        {
            Id = Guid.NewGuid(),
            Kind = "death-certificate",
            HolderIdNumber = holder,
            Number = $"Q-TEST-{Guid.NewGuid():N}"[..20],
            IssuedBy = "南山区人民医院",
            IssuedOn = new DateOnly(2026, 11, 2),
            Revoked = revoked,
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ECertificates.Add(certificate);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return certificate;
    }

    /// <summary>Answers the questions before the certificate, one page at a time.</summary>
    private static async Task AnswerUpToTheCertificate(FormClient resident, Dictionary<string, string> answers)
    {
        foreach (var question in new[] { "applicant.fullName", "applicant.idNumber", "death.relationship", "death.fullName", "death.idNumber", "death.date" })
        {
            var (status, html, _) = await resident.Submit($"{Form}/{question}", Applying.Fields(answers[question]));
            Assert.True(status == HttpStatusCode.Redirect, html);
        }
    }

    [Fact]
    public async Task TheDeathCertificateTheCityHolds_IsUsed_NotUploadedAgain_ItsDetailsHidden_AndItsUseOnTheDeceasedsRecord()
    {
        var certificate = await Held("440306194001010310");
        var deceased = new Tongban.Residents.Resident { Id = Guid.NewGuid(), MobileNumber = "+86" + People.NewMobile(), IdNumber = "440306194001010310", CreatedAt = app.Time.GetUtcNow().UtcDateTime };
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Residents.Add(deceased);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var resident = await People.SignInResident(app, People.NewMobile());
        var answers = Answers("440306194001010310");
        await AnswerUpToTheCertificate(resident, answers);

        // Only that the city holds it: someone who typed another person's ID number learns nothing more.
        var (_, page, _) = await resident.Get($"{Form}/death.certificate");
        Assert.Contains("The city holds this document as an e-certificate of the person you named", page, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Number, page, StringComparison.Ordinal);
        Assert.DoesNotContain("南山区人民医院", page, StringComparison.Ordinal);

        var reference = await Applying.Apply(resident, "death-benefit", answers); // continues without a file
        Assert.DoesNotContain(certificate.Number, (await resident.Get($"/cases/{reference}")).Html, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
            Assert.Contains($"ecert:death-certificate:{certificate.Number}", stored.AnswersJson, StringComparison.Ordinal);
            var trail = await db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == deceased.Id).ToListAsync(TestContext.Current.CancellationToken);
            var use = Assert.Single(trail);
            Assert.Equal(("Audit.Viewed.Certificate.UsedInApplication", "someone applying for Funeral grant and survivor's benefit"), (use.Subject.TextKey(use.Action), use.ActorName));
        }

        var (_, officerPage, _) = await (await People.SignInStaff(app, "officer.hr")).Get($"/staff/cases/{reference}");
        Assert.Contains($"E-certificate no. {certificate.Number}, held by the city", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Document", officerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAHeldCertificate_OrWithARevokedOne_TheDocumentIsAskedFor()
    {
        await Held("440307194202020423", revoked: true);
        var resident = await People.SignInResident(app, People.NewMobile());
        await AnswerUpToTheCertificate(resident, Answers("440307194202020423"));

        var (_, page, _) = await resident.Get($"{Form}/death.certificate");
        Assert.DoesNotContain("e-certificate", page, StringComparison.OrdinalIgnoreCase);
        var (status, refused, _) = await resident.Submit($"{Form}/death.certificate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("error-summary", refused, StringComparison.Ordinal);
    }
}
