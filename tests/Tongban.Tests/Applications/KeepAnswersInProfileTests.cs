using System.Net;

namespace Tongban.Tests.Applications;

/// <summary>An answer that differs from her profile goes into it only when she ticks it, and only she can tick it.</summary>
public sealed partial class ApplicationTests
{
    [Fact]
    public async Task AnAnswerSheTicksOnTheCheckPage_IsKeptInHerProfile_OnlyThatOne_AndOnlyByHer()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, Allowance, ElderlyAllowance);
        Assert.DoesNotContain("Keep these answers in your profile?", (await browser.Get(check)).Html, StringComparison.Ordinal); // nothing differs yet

        await browser.Submit($"{Allowance}/applicant.address?change=true", Answer("福田区新洲路2号"));
        await browser.Submit($"{Allowance}/applicant.fullName?change=true", Answer("王秀珍"));
        var (_, checkPage, _) = await browser.Get(check);
        Assert.Contains("Keep these answers in your profile?", checkPage, StringComparison.Ordinal);
        Assert.Contains("name=\"keep\" value=\"applicant.address\"", checkPage, StringComparison.Ordinal);
        Assert.Contains("name=\"keep\" value=\"applicant.fullName\"", checkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", checkPage, StringComparison.Ordinal); // her consent, not a default

        // She keeps the address only; a question never offered (her date of birth) is ignored if posted.
        var (status, _, done) = await browser.Submit(check, new Dictionary<string, string> { ["keep"] = "applicant.address" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("Kept in your profile for next time: Your postal address.", (await browser.Get(done!.OriginalString)).Html, StringComparison.Ordinal);
        var (_, profile, _) = await browser.Get("/me/profile");
        Assert.Contains("福田区新洲路2号", profile, StringComparison.Ordinal);
        Assert.Contains("王秀英", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀珍", profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneAnsweringForHer_IsNotOfferedToChangeHerProfile_AndCannotByPostingIt()
    {
        var (mother, son, _) = await MotherAndSonActingForHer();
        var check = await AnswerAll(son, Allowance, new(ElderlyAllowance) { ["applicant.address"] = Answer("福田区新洲路2号") });
        await son.Submit($"{Allowance}/applicant.address?change=true", Answer("罗湖区东门路3号"));
        var (_, checkPage, _) = await son.Get(check);
        Assert.DoesNotContain("Keep these answers in your profile?", checkPage, StringComparison.Ordinal);

        var (status, _, _) = await son.Submit(check, new Dictionary<string, string> { ["keep"] = "applicant.address" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, profile, _) = await mother.Get("/me/profile");
        Assert.Contains("福田区福中三路1号", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("罗湖区东门路3号", profile, StringComparison.Ordinal);
    }
}
