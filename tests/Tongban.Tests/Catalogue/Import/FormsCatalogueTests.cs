using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Import;

public sealed class FormsCatalogueTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    [Fact]
    public async Task AtLeastFifteenServices_AndEveryLifeEvent_HaveARealForm()
    {
        var snapshot = await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);

        var withForms = snapshot.Services.Where(s => snapshot.Form(s.Code) is not null).ToList();
        Assert.True(withForms.Count >= 15, $"{withForms.Count} services have forms");
        Assert.All(snapshot.LifeEvents, e =>
        {
            var form = snapshot.ApplicationForm("life-events", e.Code);
            Assert.NotNull(form);
            Assert.Equal(form.Questions.Count, form.Questions.Select(q => q.Id).Distinct().Count());
        });
        Assert.All(withForms, s => Assert.Contains(s.Channels, c => c.Channel == Channel.Online));
        Assert.True(withForms.Count(s => snapshot.Form(s.Code)!.Rules.Count > 0) >= 10, "at least ten services can be approved at once");
    }

    [Fact]
    public async Task ALifeEventForm_AsksTheSharedQuestionsOnce()
    {
        var snapshot = await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);

        var retirement = snapshot.ApplicationForm("life-events", "retirement")!;
        var separately = retirement.Services.Sum(s => s.Form.Questions.Count);

        Assert.Equal(3, retirement.Services.Count);
        Assert.True(retirement.Questions.Count < separately, $"{retirement.Questions.Count} questions together, {separately} separately");
        Assert.Single(retirement.Questions, q => q.Id == "applicant.idNumber");
    }
}
