using System.Net;
using Tongban.Residents;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

public sealed class ProfileTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    // A valid number (GB 11643 check character computed by hand): Futian, born 27 March 1956.
    private const string IdNumber = "440304195603270023";

    private static Dictionary<string, string> Form(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.FullName"] = "王秀英",
            ["Input.IdNumber"] = IdNumber,
            ["Input.BirthDay"] = "",
            ["Input.BirthMonth"] = "",
            ["Input.BirthYear"] = "",
            ["Input.District"] = "futian",
            ["Input.Language"] = "zh-CN",
            ["Input.ContactChannel"] = "Letter",
            ["Input.PostalAddress"] = "福田区福中三路1号",
            ["Input.Needs"] = "LargeText",
            ["Input.StatisticsConsent"] = "true",
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task TheResident_SeesAndCorrectsHerDetails()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);

        var (status, _, location) = await browser.Submit("/me/profile", Form());

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/me?saved=true", location!.OriginalString);
        var resident = await People.Resident(app, mobile);
        Assert.Equal("王秀英", resident.FullName);
        Assert.Equal((IdNumber, (string?)null), (resident.ClaimedIdNumber, resident.IdNumber)); // typed, not yet proven
        Assert.Equal(new DateOnly(1956, 3, 27), resident.DateOfBirth);
        Assert.Equal("futian", resident.DistrictCode);
        Assert.Equal(ContactChannel.Letter, resident.ContactChannel);
        Assert.Equal(AccessibilityNeeds.LargeText, resident.AccessibilityNeeds);
        Assert.True(resident.StatisticsConsent);
        var (_, me, _) = await browser.Get(location.OriginalString);
        Assert.Contains("Your details are saved.", me, StringComparison.Ordinal);
        Assert.Contains("王秀英", me, StringComparison.Ordinal);
        Assert.Contains("4403**********0023", me, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, me, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.IdNumber", "44030419560327002", "An ID number has 18 characters." },
        { "Input.IdNumber", "440304195603270024", "one of the characters is mistyped" },
        { "Input.IdNumber", "990304195603270023", "are not a region of China" },
        { "Input.IdNumber", "440304195602300023", "is not possible" },
        { "Input.IdNumber", "44030419560327002Y", "17 digits and then a digit or X" },
        { "Input.FullName", new string('王', 51), "50 characters or fewer" },
        { "Input.FullName", "<script>alert(1)</script>", "letters, spaces and · only" },
        { "Input.FullName", "王秀英😀", "letters, spaces and · only" },
        { "Input.FullName", "Robert'); DROP TABLE Residents;--", "letters, spaces and · only" },
        { "Input.BirthDay", "31", "This date does not exist" },
        { "Input.BirthYear", "一九五六", "in numbers" },
        { "Input.PostalAddress", "<b>1</b>", "cannot print on a letter" },
        { "Input.PostalAddress", new string('路', 201), "200 characters or fewer" },
        { "Input.District", "atlantis", "Choose a district from the list." },
        { "Input.ContactChannel", "Pigeon", "Choose how we should contact you." },
        { "Input.Needs", "Telepathy", "Choose needs from the list." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_IsRefusedWithAMessage_AndEverythingTypedComesBack(string field, string value, string message)
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        var form = Form(f =>
        {
            f[field] = value;
            if (field == "Input.BirthDay")
            {
                (f["Input.BirthMonth"], f["Input.BirthYear"]) = ("2", "1956");
            }
            else if (field == "Input.BirthYear")
            {
                (f["Input.BirthDay"], f["Input.BirthMonth"]) = ("27", "3");
            }
        });

        var (status, html, _) = await browser.Submit("/me/profile", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        if (field is not ("Input.District" or "Input.ContactChannel" or "Input.Needs"))
        {
            Assert.Contains(value, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        Assert.Contains(field == "Input.FullName" ? "福田区福中三路1号" : "王秀英", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Null((await People.Resident(app, mobile)).FullName);
    }

    [Fact]
    public async Task ABirthDateThatDisagreesWithTheIdNumber_IsRefused()
    {
        var browser = await People.SignInResident(app, People.NewMobile());

        var (_, html, _) = await browser.Submit("/me/profile", Form(f => (f["Input.BirthDay"], f["Input.BirthMonth"], f["Input.BirthYear"]) = ("28", "3", "1956")));

        Assert.Contains("does not match the one in your ID number", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LettersWithoutAnAddress_AreRefused()
    {
        var browser = await People.SignInResident(app, People.NewMobile());

        var (_, html, _) = await browser.Submit("/me/profile", Form(f => f["Input.PostalAddress"] = ""));

        Assert.Contains("Enter the postal address we should send letters to.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProvenIdNumber_CannotBeChangedOnline()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        await browser.Submit("/me/profile", Form(f => f["Input.IdNumber"] = "440304195603270015"));
        await People.VerifyIdNumber(app, browser, mobile, "440304195603270015", "王秀英");

        var (_, form, _) = await browser.Get("/me/profile");
        await browser.Submit("/me/profile", Form(f => f["Input.IdNumber"] = "440304195603270023"));

        Assert.DoesNotContain("name=\"Input.IdNumber\"", form, StringComparison.Ordinal);
        Assert.Contains("verified by the real-name register", form, StringComparison.Ordinal);
        Assert.Equal("440304195603270015", (await People.Resident(app, mobile)).IdNumber);
    }

    [Fact]
    public async Task Messages_AreInChinese_ForAChineseReader()
    {
        var browser = await People.SignInResident(app, People.NewMobile(), "zh-CN");

        var (_, html, _) = await browser.Submit("/me/profile", Form(f => f["Input.IdNumber"] = "440304195603270024"));

        Assert.Contains("身份证号码不正确", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryOtherSession()
    {
        var mobile = People.NewMobile();
        var phone = await People.SignInResident(app, mobile);
        var computer = await People.SignInResident(app, mobile);

        await computer.Submit("/me", new Dictionary<string, string> { ["everywhere"] = "true" }, action: "/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, (await phone.Get("/me")).Status);
    }
}
