using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Residents;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

public sealed class AssistedServiceTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static string NewIdNumber() => People.IdNumberBornOn(new DateOnly(1950, 1, 1));

    private static Dictionary<string, string> Counter(string idNumber, string name = "李桂兰", bool register = false) => new()
    {
        ["Input.IdNumber"] = idNumber,
        ["Input.FullName"] = name,
        ["Input.IdentityCheck"] = "IdCardReader",
        ["Input.ConsentReference"] = "F-2026-000123",
        ["Input.Register"] = register ? "true" : "false",
    };

    private async Task<(FormClient Clerk, Guid ResidentId)> RegisterAtTheCounter(string idNumber)
    {
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var (_, first, _) = await clerk.Submit("/staff/assist", Counter(idNumber));
        Assert.Contains("Nobody is registered with this ID number yet", first, StringComparison.Ordinal);
        var (status, html, location) = await clerk.Submit("/staff/assist", Counter(idNumber, register: true));
        Assert.True(status == HttpStatusCode.Redirect, html);
        return (clerk, Guid.Parse(location!.OriginalString["/staff/residents/".Length..]));
    }

    [Fact]
    public async Task AClerk_RegistersAResidentWithoutAPhone_AndActsForHer()
    {
        var idNumber = NewIdNumber();
        var (clerk, residentId) = await RegisterAtTheCounter(idNumber);

        var (status, page, _) = await clerk.Get($"/staff/residents/{residentId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You are acting for 李桂兰", page, StringComparison.Ordinal);
        Assert.Contains("F-2026-000123", page, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var resident = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.SingleAsync(r => r.Id == residentId, TestContext.Current.CancellationToken);
        Assert.Null(resident.MobileNumber);
        Assert.Equal(ContactChannel.Letter, resident.ContactChannel);
        Assert.Equal(new DateOnly(1950, 1, 1), resident.DateOfBirth);
    }

    [Fact]
    public async Task EveryActionOfTheClerk_CarriesActorChannelAndConsent()
    {
        var (clerk, residentId) = await RegisterAtTheCounter(NewIdNumber());
        await clerk.Get($"/staff/residents/{residentId}");
        var (status, _, _) = await clerk.Submit($"/staff/residents/{residentId}/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "李桂兰",
            ["Input.ContactChannel"] = "Letter",
            ["Input.PostalAddress"] = "福田区华强北路2号",
            ["Input.Needs"] = "HelpWithForms",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);

        await using var scope = app.Scope();
        var records = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.Where(r => r.ResidentId == residentId).OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Created", "Viewed", "Changed"], records.Select(r => r.Action.ToString()));
        Assert.All(records, r =>
        {
            Assert.Equal("陈晓雯", r.ActorName);
            Assert.Equal(Channel.Counter, r.Channel);
            Assert.Equal("consent:F-2026-000123", r.Reason);
        });
        var (_, activity, _) = await clerk.Get($"/staff/residents/{residentId}/activity");
        Assert.Contains("Changed your details", activity, StringComparison.Ordinal);

        // She is told who changed what (her inbox here: before the change she had no address to write to).
        var told = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
            .SingleAsync(n => n.ResidentId == residentId && n.Key.StartsWith("profile:"), TestContext.Current.CancellationToken);
        Assert.StartsWith("【通办】陈晓雯修改了您的资料：", told.Text, StringComparison.Ordinal);
        Assert.Contains("邮寄地址", told.Text, StringComparison.Ordinal);
        Assert.Contains("无障碍需求", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("姓名", told.Text, StringComparison.Ordinal); // the name was not changed
        Assert.Equal(Tongban.Notifications.NotificationChannel.Inbox, told.Channel);
        Assert.Contains("Your consent, reference F-2026-000123", activity, StringComparison.Ordinal);
    }

    /// <summary>A change of her contact details by someone else is told at the contact she had: whoever changed them cannot hide it.</summary>
    [Fact]
    public async Task AChangeOfHerContactBySomeoneElse_IsToldWhereSheCouldBeReachedBefore()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mobile = "+86" + People.NewMobile();
        var before = new Resident { Id = Guid.NewGuid(), MobileNumber = mobile, ContactChannel = ContactChannel.Sms, PreferredLanguage = "en", CreatedAt = DateTime.UtcNow };
        db.Residents.Add(before);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var after = Tongban.Residents.Profile.ProfileFields.Copy(before);
        (after.ContactChannel, after.PostalAddress) = (ContactChannel.Letter, "福田区华强北路2号");
        var clerk = new Tongban.Platform.Audit.Actor(Tongban.Platform.Audit.ActorKind.Staff, Guid.NewGuid(), "陈晓雯", Channel.Counter, "consent:F-1");

        foreach (var reaction in scope.ServiceProvider.GetServices<Tongban.Residents.Profile.IProfileChangeReaction>())
        {
            await reaction.Follow(new(before, after, clerk, Tongban.Residents.Profile.ProfileFields.Changed(before, after)), TestContext.Current.CancellationToken);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var told = await db.Notifications.AsNoTracking().SingleAsync(n => n.ResidentId == before.Id, TestContext.Current.CancellationToken);
        Assert.Equal((Tongban.Notifications.NotificationChannel.Sms, mobile), (told.Channel, told.Address));
        Assert.Equal("Tongban: 陈晓雯 changed your details: how we contact you, your postal address. If you did not ask for this, call 12345 or go to any service hall.", told.Text);
    }

    [Fact]
    public async Task TheResident_LaterSeesWhatTheHotlineDid_OnHerOwnPhone()
    {
        var mobile = People.NewMobile();
        var idNumber = NewIdNumber();
        var resident = await People.SignInResident(app, mobile);
        await resident.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "张建华", ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" });
        await People.VerifyIdNumber(app, resident, mobile, idNumber, "张建华");
        var agent = await People.SignInStaff(app, "agent.12345");

        var (status, html, location) = await agent.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = "张建华",
            ["Input.IdentityCheck"] = "CallbackToRegisteredMobile",
            ["Input.ConsentReference"] = "REC-20261129-7781",
        });
        Assert.True(status == HttpStatusCode.Redirect, html);
        await agent.Get(location!.OriginalString);

        var (_, activity, _) = await resident.Get("/me/activity");
        Assert.Contains("李建国", activity, StringComparison.Ordinal);
        Assert.Contains("12345", activity, StringComparison.Ordinal);
        Assert.Contains("REC-20261129-7781", activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongName_ForAKnownIdNumber_IsRefused_WithoutRevealingTheName()
    {
        var idNumber = NewIdNumber();
        await RegisterAtTheCounter(idNumber);
        var agent = await People.SignInStaff(app, "agent.12345");

        var (status, html, _) = await agent.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = "王五",
            ["Input.IdentityCheck"] = "SecurityQuestions",
            ["Input.ConsentReference"] = "REC-1",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The name does not match", html, StringComparison.Ordinal);
        Assert.DoesNotContain("李桂兰", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClerk_KeysInAPaperFormThatCameByPost_AndTheCaseSaysPost()
    {
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var form = new Dictionary<string, string>
        {
            ["Input.IdNumber"] = NewIdNumber(),
            ["Input.FullName"] = "周玉珍",
            ["Input.IdentityCheck"] = "IdCardReader",
            ["Input.ConsentReference"] = "P-2026-000042",
            ["Input.Register"] = "true",
        };
        var (_, page, _) = await clerk.Get("/staff/assist?byPost=true");
        Assert.Contains("Number of the signed paper form", page, StringComparison.Ordinal);
        // There is no card to read in an envelope: only the enclosed copy is a check by post.
        var (_, refused, _) = await clerk.Submit("/staff/assist?byPost=true", form);
        Assert.Contains("Choose how you checked who she is.", refused, StringComparison.Ordinal);

        form["Input.IdentityCheck"] = "IdCardCopyEnclosed";
        var (status, html, location) = await clerk.Submit("/staff/assist?byPost=true", form);
        Assert.True(status == HttpStatusCode.Redirect, html);
        var resident = location!.OriginalString;
        Assert.Contains("You are acting for 周玉珍 (By post, consent P-2026-000042)", (await clerk.Get(resident)).Html, StringComparison.Ordinal);
        var reference = await Applying.Apply(clerk, "senior-citizen-card", Tongban.Tests.Cases.CaseWorkflowTests.TooYoungForTheCard);

        await using var scope = app.Scope();
        var submitted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal((Channel.Post, "陈晓雯", "consent:P-2026-000042"), (submitted.Channel, submitted.ActorName, submitted.ActingUnder));
    }

    [Fact]
    public async Task AHotlineAgent_CannotClaimToHaveReadTheIdCard()
    {
        var agent = await People.SignInStaff(app, "agent.12345");

        var (_, html, _) = await agent.Submit("/staff/assist", Counter(NewIdNumber()));

        Assert.Contains("Choose how you checked who she is.", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.IdNumber", "44030419500101001", "An ID number has 18 characters." },
        { "Input.FullName", "", "Enter the name as on the ID card." },
        { "Input.FullName", "<script>", "letters, spaces and · only" },
        { "Input.ConsentReference", "", "consent form" },
        { "Input.ConsentReference", "'; DELETE FROM \"Residents\"; --", "consent form" },
        { "Input.Mobile", "555-0100", "11 digits" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_IsRefused_AndKept(string field, string value, string message)
    {
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var form = Counter(NewIdNumber());
        form[field] = value;

        var (status, html, _) = await clerk.Submit("/staff/assist", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(value, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherClerk_CannotOpenTheResident_AndNeitherCanTheFirstAfterFinishing()
    {
        var (clerk, residentId) = await RegisterAtTheCounter(NewIdNumber());
        var agent = await People.SignInStaff(app, "agent.12345");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Get($"/staff/residents/{residentId}")).Status);

        await clerk.Submit($"/staff/residents/{residentId}", new Dictionary<string, string>(), "/staff/assist/end");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Get($"/staff/residents/{residentId}")).Status);
    }

    [Fact]
    public async Task ASessionEnds_AfterFourHours()
    {
        var (clerk, residentId) = await RegisterAtTheCounter(NewIdNumber());

        app.Time.Advance(TimeSpan.FromHours(4));
        var again = await People.SignInStaff(app, "clerk.futian");

        Assert.Equal(HttpStatusCode.Forbidden, (await again.Get($"/staff/residents/{residentId}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Get($"/staff/residents/{residentId}")).Status);
    }

    [Theory]
    [InlineData("officer.hr")]
    [InlineData("head.hr")]
    [InlineData("analyst")]
    [InlineData("operator")]
    public async Task OnlyCounterClerksAndHotlineAgents_MayAssist(string userName)
    {
        var staff = await People.SignInStaff(app, userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Get("/staff/assist")).Status);
    }
}
