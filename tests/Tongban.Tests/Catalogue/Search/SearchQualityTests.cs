using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue.Search;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Search;

/// <summary>Queries as residents type them, in both languages, with the service they need.</summary>
public sealed class SearchQualityTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    public static TheoryData<string, string> Queries => new()
    {
        // Lay Chinese
        { "生孩子", "birth-household-registration" },
        { "宝宝出生了怎么上户口", "birth-household-registration" },
        { "丢了工作", "unemployment-benefit" },
        { "失业金怎么领", "unemployment-benefit" },
        { "养老金", "basic-pension-claim" },
        { "退休金", "basic-pension-claim" },
        { "提公积金交房租", "hpf-withdrawal-rent" },
        { "身份证过期了", "id-card-renewal" },
        { "驾照到期", "driving-licence-renewal" },
        { "办居住证", "residence-permit" },
        { "我想开公司", "company-registration" },
        { "开个小店", "individual-business-licence" },
        { "结婚登记", "marriage-registration-appointment" },
        { "低保", "minimum-living-allowance" },
        { "残疾证", "disability-certificate" },
        { "老人乘车卡", "senior-citizen-card" },
        { "孩子上小学", "primary-school-place" },
        { "小升初", "junior-school-place" },
        { "社保转移", "pension-transfer" },
        { "医保", "medical-insurance-enrolment" },
        { "亲人去世", "household-cancellation-death" },
        { "继承房子", "property-inheritance-registration" },
        { "公租房", "public-rental-housing" },
        { "打疫苗", "vaccination-certificate" },
        // Official Chinese names
        { "居民身份证换领", "id-card-renewal" },
        { "高龄老人津贴", "elderly-allowance" },
        { "食品经营许可", "food-business-licence" },
        // Lay English
        { "had a baby", "birth-household-registration" },
        { "lost my job", "unemployment-benefit" },
        { "I was laid off", "unemployment-benefit" },
        { "pension", "basic-pension-claim" },
        { "renew my driving licence", "driving-licence-renewal" },
        { "my ID card expired", "id-card-renewal" },
        { "start a company", "company-registration" },
        { "get married", "marriage-registration-appointment" },
        { "school place for my son", "primary-school-place" },
        { "disability allowance", "disability-living-subsidy" },
        { "free bus pass for old people", "senior-citizen-card" },
        { "use provident fund to pay rent", "hpf-withdrawal-rent" },
        { "my mother passed away", "household-cancellation-death" },
        { "public housing", "public-rental-housing" },
        { "restaurant licence", "food-business-licence" },
        // English with typos
        { "unemploymnet benefit", "unemployment-benefit" },
        { "residense permit", "residence-permit" },
        { "driving licance renewal", "driving-licence-renewal" },
        { "pensoin", "basic-pension-claim" },
        { "maternty allowance", "maternity-allowance" },
    };

    private async Task<SearchResults> Search(string query)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SearchCatalogue>().Handle(query, 1, 10, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_AsResidentsSayIt_FindsTheServiceInTheTopThree(string query, string expected)
    {
        var results = await Search(query);

        var top3 = results.Services.Take(3).Select(s => s.Code).ToList();
        Assert.True(top3.Contains(expected), $"'{query}' gave [{string.Join(", ", results.Services.Select(s => s.Code))}]");
        Assert.False(results.OnlySimilar);
    }

    [Theory]
    [InlineData("丢了工作", "丢了工作 987654321")]
    [InlineData("lost my job", "lost my job zqxwv")]
    [InlineData("retirement", "retirement 养老 xqzv")]
    public async Task Search_WithWordsTheCatalogueDoesNotHoldAdded_KeepsTheSameOrder(string query, string withUnknownWords)
    {
        var plain = await Search(query);
        var padded = await Search(withUnknownWords);

        // "养老" is held, so the third case also checks that the order of what it adds is not disturbed by the unknown.
        var expected = withUnknownWords.Contains("养老", StringComparison.Ordinal)
            ? (await Search(query + " 养老")).Services.Select(s => s.Code)
            : plain.Services.Select(s => s.Code);
        Assert.NotEmpty(plain.Services);
        Assert.Equal(expected, padded.Services.Select(s => s.Code));
        Assert.False(padded.OnlySimilar);
    }

    [Theory]
    [InlineData("生孩子", "having-a-baby")]
    [InlineData("had a baby", "having-a-baby")]
    [InlineData("retirement", "retirement")]
    [InlineData("亲人去世", "death-in-the-family")]
    [InlineData("moving to shenzhen", "moving-to-the-city")]
    public async Task Search_ForALifeSituation_PutsTheLifeEventFirst(string query, string lifeEvent)
    {
        var results = await Search(query);

        Assert.NotEmpty(results.LifeEvents);
        Assert.Equal(lifeEvent, results.LifeEvents[0].Code);
    }

    [Theory]
    [InlineData("高龄老人津贴", "elderly-allowance")]
    [InlineData("Shenzhen residence permit", "residence-permit")]
    public async Task Search_ForTheExactName_RanksThatServiceFirst(string query, string expected)
    {
        var results = await Search(query);

        Assert.Equal(expected, results.Services[0].Code);
    }

    [Fact]
    public async Task Search_WithNoMatch_OffersSimilarServicesInsteadOfNothing()
    {
        var results = await Search("居留"); // "residence (of foreigners)": no service says it, but 居 is in 居住证

        Assert.True(results.OnlySimilar);
        Assert.Contains(results.Services, s => s.Code == "residence-permit");
    }
}
