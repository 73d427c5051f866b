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
    public async Task TheDeathCertificateTheCityHolds_IsShownAndUsed_NotUploadedAgain()
    {
        var certificate = await Held("440306194001010310");
        var resident = await People.SignInResident(app, People.NewMobile());
        var answers = Answers("440306194001010310");
        await AnswerUpToTheCertificate(resident, answers);

        var (_, page, _) = await resident.Get($"{Form}/death.certificate");
        Assert.Contains("The city already holds this as an e-certificate", page, StringComparison.Ordinal);
        Assert.Contains(certificate.Number, page, StringComparison.Ordinal);
        Assert.Contains("南山区人民医院", page, StringComparison.Ordinal);

        var reference = await Applying.Apply(resident, "death-benefit", answers); // continues without a file
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Contains($"ecert:death-certificate:{certificate.Number}", stored.AnswersJson, StringComparison.Ordinal);
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
