using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue.Search;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Search;

/// <summary>
/// The name people actually use for a service (老年证, not 敬老优待证) puts that service first: one common colloquial name
/// for every service in the catalogue, Chinese and English.
/// </summary>
public sealed class ColloquialNameTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    public static TheoryData<string, string> Names => new()
    {
        { "结婚预约", "marriage-registration-appointment" },
        { "低保", "minimum-living-allowance" },
        { "高龄津贴", "elderly-allowance" },
        { "老年证", "senior-citizen-card" },
        { "居家养老补贴", "home-care-subsidy" },
        { "殡葬费减免", "funeral-fee-waiver" },
        { "临时救助", "temporary-assistance" },
        { "残疾证", "disability-certificate" },
        { "残疾人生活补贴", "disability-living-subsidy" },
        { "重残护理补贴", "severe-disability-care-subsidy" },
        { "小一学位", "primary-school-place" },
        { "小升初", "junior-school-place" },
        { "幼儿园补贴", "kindergarten-subsidy" },
        { "助学金", "student-financial-aid" },
        { "准生证", "maternity-registration" },
        { "出生证", "birth-medical-certificate" },
        { "疫苗本", "vaccination-certificate" },
        { "公积金开户", "hpf-account-opening" },
        { "租房提公积金", "hpf-withdrawal-rent" },
        { "退休提公积金", "hpf-withdrawal-retirement" },
        { "公租房", "public-rental-housing" },
        { "交社保", "social-insurance-enrolment" },
        { "失业金", "unemployment-benefit" },
        { "领退休金", "basic-pension-claim" },
        { "就业登记", "employment-registration" },
        { "社保转移", "pension-transfer" },
        { "技能补贴", "skills-training-subsidy" },
        { "丧葬费", "death-benefit" },
        { "开公司", "company-registration" },
        { "个体户", "individual-business-licence" },
        { "食品经营许可证", "food-business-licence" },
        { "新生儿医保", "newborn-medical-insurance" },
        { "少儿医保", "medical-insurance-enrolment" },
        { "生育津贴", "maternity-allowance" },
        { "医保转移", "medical-insurance-transfer" },
        { "居住证", "residence-permit" },
        { "宝宝上户口", "birth-household-registration" },
        { "入户深圳", "household-transfer" },
        { "换身份证", "id-card-renewal" },
        { "销户", "household-cancellation-death" },
        { "房产继承", "property-inheritance-registration" },
        { "申请发票", "invoice-application" },
        { "驾照换证", "driving-licence-renewal" },
        { "驾照转入", "driving-licence-transfer" },
        { "senior card", "senior-citizen-card" },
        { "old age allowance", "elderly-allowance" },
        { "dole", "unemployment-benefit" },
        { "birth certificate", "birth-medical-certificate" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task AColloquialName_PutsItsServiceFirst(string query, string expected)
    {
        await using var scope = app.Scope();
        var results = await scope.ServiceProvider.GetRequiredService<SearchCatalogue>().Handle(query, 1, 10, TestContext.Current.CancellationToken);

        Assert.True(results.Services.Count > 0 && results.Services[0].Code == expected, $"'{query}' gave [{string.Join(", ", results.Services.Select(s => s.Code))}]");
    }
}
