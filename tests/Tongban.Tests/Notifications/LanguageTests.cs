using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases.Log;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Notifications;

/// <summary>Her messages come in the language she uses: remembered at her first sign-in, changed when she switches.</summary>
public sealed class LanguageTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private async Task<List<string>> MessagesTo(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
            .Where(n => n.ResidentId == residentId).OrderBy(n => n.CreatedAt).Select(n => n.Text).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AResidentUsingEnglish_GetsHerMessagesInEnglish_UntilSheSwitches()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile, "en");
        var resident = await People.Resident(app, mobile);
        Assert.Equal("en", resident.PreferredLanguage);

        var reference = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var officer = await People.SignInStaff(app, "officer.civil");
        await officer.Submit($"/staff/cases/{reference}", new Dictionary<string, string> { ["Act"] = CaseActionKind.Accepted.ToString() });
        Assert.StartsWith("Tongban:", (await MessagesTo(resident.Id))[^1], StringComparison.Ordinal);

        await her.Get("/language/zh-CN?returnUrl=/me");
        Assert.Equal("zh-CN", (await People.Resident(app, mobile)).PreferredLanguage);
        await her.Submit($"/cases/{reference}", new Dictionary<string, string> { ["Act"] = CaseActionKind.Withdrawn.ToString() });
        Assert.StartsWith("【通办】", (await MessagesTo(resident.Id))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALanguageSheChose_IsNotOverwrittenBySigningInOnAnotherDevice()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile, "zh-CN");
        Assert.Equal("zh-CN", (await People.Resident(app, mobile)).PreferredLanguage);

        await People.SignInResident(app, mobile, "en");

        Assert.Equal("zh-CN", (await People.Resident(app, mobile)).PreferredLanguage);
        Assert.NotNull(her);
    }
}
