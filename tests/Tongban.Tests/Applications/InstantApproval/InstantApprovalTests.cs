using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Tests.Infrastructure;
using static Tongban.Applications.InstantApproval.InstantApproval;

namespace Tongban.Tests.Applications.InstantApproval;

/// <summary>
/// Every published rule of every service in the catalogue, decided as the pure function it is: at its boundary it
/// passes, one step beyond it fails with the reason the catalogue publishes, and the service is approved at once
/// only while every one of its rules passes. A rule added to the catalogue without a row here fails the coverage test.
/// </summary>
public sealed class InstantApprovalTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    /// <summary>Service, rule, the answer it reads, a value that just passes, a value that just fails.</summary>
    public static TheoryData<string, string, string, string, string> Rules => new()
    {
        { "basic-pension-claim", "fifteen-years", "pension.contributionYears", "15", "14.9" },
        { "basic-pension-claim", "aged-60", "applicant.dateOfBirth", "1966-06-15", "1966-06-16" },
        { "birth-household-registration", "within-a-month", "child.dateOfBirth", "2026-05-15", "2026-05-14" },
        { "birth-household-registration", "birth-certificate", "child.birthCertificateNumber", "Q440012345", "" },
        { "disability-living-subsidy", "holds-certificate", "disability.certificateNumber", "44030319500101123X43", "" },
        { "disability-living-subsidy", "low-income", "household.onDibao", "yes", "no" },
        { "elderly-allowance", "aged-80", "applicant.dateOfBirth", "1946-06-15", "1946-06-16" },
        { "elderly-allowance", "shenzhen-hukou", "applicant.residency", "hukou", "permit" },
        { "funeral-fee-waiver", "deceased-lived-here", "death.residency", "permit", "neither" },
        { "funeral-fee-waiver", "within-a-year", "death.date", "2025-06-15", "2025-06-14" },
        { "household-cancellation-death", "within-a-month", "death.date", "2026-05-15", "2026-05-14" },
        { "hpf-withdrawal-retirement", "retired", "pension.retired", "yes", "no" },
        { "kindergarten-subsidy", "aged-3-to-6", "child.dateOfBirth", "2023-06-15", "2023-06-16" },
        { "kindergarten-subsidy", "aged-3-to-6", "child.dateOfBirth", "2019-06-16", "2019-06-15" },
        { "kindergarten-subsidy", "attends-kindergarten", "school.kindergartenName", "莲花幼儿园", "" },
        { "maternity-allowance", "insured-12-months", "employment.insuredMonths", "12", "11" },
        { "medical-insurance-enrolment", "lives-here", "applicant.residency", "permit", "neither" },
        { "new-taxpayer-registration", "has-licence", "business.licenceNumber", "91440300MA5G123456", "91440300MA5G12345" },
        { "newborn-medical-insurance", "within-three-months", "child.dateOfBirth", "2026-03-17", "2026-03-16" },
        { "residence-permit", "twelve-months", "residence.since", "2025-06-15", "2025-06-16" },
        { "senior-citizen-card", "aged-60", "applicant.dateOfBirth", "1966-06-15", "1966-06-16" },
        { "senior-citizen-card", "lives-here", "applicant.residency", "hukou", "neither" },
        { "severe-disability-care-subsidy", "grade-1-or-2", "disability.level", "2", "3" },
        { "severe-disability-care-subsidy", "grade-1-or-2", "disability.level", "1", "4" },
        { "severe-disability-care-subsidy", "needs-care", "disability.needsCare", "yes", "no" },
        { "unemployment-benefit", "insured-a-year", "employment.insuredYears", "1", "0" },
        { "unemployment-benefit", "did-not-resign", "employment.reason", "dismissed", "resigned" },
    };

    private static IEnumerable<(string Service, string Rule, string Answer, string Passes, string Fails)> Rows => Rules.Select(row => row.Data);

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_PassesAtItsBoundary_AndFailsOneStepBeyond(string service, string rule, string answer, string passes, string fails)
    {
        var form = await Form(service);
        var published = form.Rules.Single(r => r.Id == rule);

        var passing = Decide(form, PassingAnswers(service, (answer, passes)), Today);
        var failing = Decide(form, PassingAnswers(service, (answer, fails)), Today);

        Assert.True(passing.Approved, $"{service} with every rule met is approved at once");
        Assert.All(passing.Outcomes, o => Assert.True(o.Passed, o.RuleId));
        Assert.False(failing.Approved);
        var failed = Assert.Single(failing.Outcomes, o => !o.Passed);
        Assert.Equal(rule, failed.RuleId);
        Assert.Equal((published.Failed.ZhCn, published.Failed.En), (failed.ReasonZhCn, failed.ReasonEn));
        Assert.Equal((published.Passed.ZhCn, published.Passed.En), passing.Outcomes.Where(o => o.RuleId == rule).Select(o => (o.ReasonZhCn, o.ReasonEn)).Single());
    }

    [Fact]
    public async Task EveryRuleOfTheCatalogue_HasARow_AndEveryRowARule()
    {
        var catalogue = await Catalogue();
        var published = catalogue.Services.SelectMany(s => (catalogue.Form(s.Code)?.Rules ?? []).Select(r => (s.Code, r.Id))).ToHashSet();
        var tabled = Rows.Select(row => (row.Service, row.Rule)).ToHashSet();

        Assert.Empty(published.Except(tabled));
        Assert.Empty(tabled.Except(published));
    }

    /// <summary>A service without published rules always goes to a person, whatever she answers.</summary>
    [Fact]
    public async Task ServiceWithoutRules_IsNeverApprovedAtOnce()
    {
        var catalogue = await Catalogue();
        var unruled = catalogue.Services.Select(s => catalogue.Form(s.Code)).OfType<FormDefinition>().Where(f => f.Rules.Count == 0).ToList();
        var everything = Rows.DistinctBy(row => row.Answer).ToDictionary(row => row.Answer, row => row.Passes);

        Assert.NotEmpty(unruled);
        Assert.All(unruled, form => Assert.False(Decide(form, everything, Today).Approved));
    }

    /// <summary>Nothing answered: every rule fails (missing answers read as empty, zero or no), none throws.</summary>
    [Fact]
    public async Task NoAnswers_FailEveryRule_WithoutAnError()
    {
        var catalogue = await Catalogue();
        var ruled = catalogue.Services.Select(s => catalogue.Form(s.Code)).OfType<FormDefinition>().Where(f => f.Rules.Count > 0).ToList();

        Assert.All(ruled, form => Assert.False(Decide(form, new Dictionary<string, string>(), Today).Approved));
    }

    /// <summary>Her answers with every rule of <paramref name="service"/> met, and one answer set as given.</summary>
    private static Dictionary<string, string> PassingAnswers(string service, (string Id, string Value) given)
    {
        var answers = Rows.Where(row => row.Service == service).DistinctBy(row => row.Answer).ToDictionary(row => row.Answer, row => row.Passes);
        answers[given.Id] = given.Value;
        return answers;
    }

    private async Task<FormDefinition> Form(string service) =>
        (await Catalogue()).Form(service) ?? throw new InvalidOperationException($"{service} has no form in the catalogue.");

    private async Task<CatalogueSnapshot> Catalogue() =>
        await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);
}
