using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Notifications;
using Tongban.Notifications.Letters;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Tongban.Tests.Notifications;

/// <summary>Letters for residents who asked for paper: printed in batches by the post room, sent when posted.</summary>
public sealed class LetterTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const string Address = "深圳市南山区粤海街道科技园科苑路15号3栋1201";

    private async Task<(FormClient Resident, string Reference)> AcceptedCaseOfSomeoneWhoWantsLetters()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        var reference = await Outbox.AcceptedCardCase(app, resident, Address, contactChannel: "Letter");
        await app.RunDueJobs();
        return (resident, reference);
    }

    [Fact]
    public async Task TheOperatorPrintsABatch_TheLetterCarriesHerAddressReferenceAndAQrCodeToHerCase_AndIsSentWhenPosted()
    {
        var (resident, reference) = await AcceptedCaseOfSomeoneWhoWantsLetters();
        var waiting = await Outbox.MessageFor(app, reference);
        Assert.Equal((NotificationChannel.Letter, DeliveryStatus.AwaitingPrint, Address), (waiting.Channel, waiting.Status, waiting.Address));
        Assert.Contains("a letter is on its way by post", (await resident.Get("/me/inbox")).Html, StringComparison.Ordinal);

        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/staff/letters")).Status);
        var operatorClient = await People.SignInStaff(app, "operator");
        Assert.Contains("Letters waiting for a batch: ", (await operatorClient.Get("/staff/letters")).Html, StringComparison.Ordinal);
        var (started, _, location) = await operatorClient.Submit("/staff/letters", new Dictionary<string, string>(), "/staff/letters?handler=Start");
        Assert.Equal((HttpStatusCode.Redirect, "/staff/letters?done=started"), (started, location?.ToString()));
        var batchId = (await Outbox.MessageFor(app, reference)).PrintBatchId;
        Assert.NotNull(batchId);

        var (pdf, disposition) = await operatorClient.Download($"/staff/letters?handler=Pdf&id={batchId}");
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        using (var document = PdfDocument.Open(pdf))
        {
            var page = document.GetPages().Single(p => Squeeze(p.Text).Contains(CaseReference.Display(reference), StringComparison.Ordinal));
            var text = Squeeze(page.Text);
            Assert.Contains("陈志强", text, StringComparison.Ordinal);
            Assert.Contains(Squeeze(Address), text, StringComparison.Ordinal);
            // A letter, not the SMS: what happened, what to do next, by when, how to get help; in her language.
            Assert.Contains("发生了什么", text, StringComparison.Ordinal);
            Assert.Contains("受理您的敬老优待证申请", text, StringComparison.Ordinal);
            Assert.Contains("您接下来要做什么", text, StringComparison.Ordinal);
            Assert.Contains("前得到决定", text, StringComparison.Ordinal);
            Assert.Contains("如何获得帮助", text, StringComparison.Ordinal);
            Assert.DoesNotContain("通办：", text, StringComparison.Ordinal); // the SMS's opening
            Assert.Contains("办件编号", text, StringComparison.Ordinal);
            Assert.Contains("12345", text, StringComparison.Ordinal); // a way for whoever cannot scan
            Assert.EndsWith($"/cases/{reference}", PrintedQr.Read(page), StringComparison.Ordinal);
        }

        var (posted, _, _) = await operatorClient.Submit("/staff/letters", new Dictionary<string, string> { ["id"] = batchId.ToString()! }, "/staff/letters?handler=Posted");
        Assert.Equal(HttpStatusCode.Redirect, posted);
        var sent = await Outbox.MessageFor(app, reference);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.NotNull(sent.SentAt);
        Assert.Contains("posted as a letter", (await resident.Get("/me/inbox")).Html, StringComparison.Ordinal);
        // The post room read her name and address: that is on the trail she can see.
        Assert.Contains("孙涛", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOperatorsStartingBatchesAtOnce_TakeEachLetterOnce()
    {
        var (_, reference) = await AcceptedCaseOfSomeoneWhoWantsLetters();
        var residentId = (await Outbox.MessageFor(app, reference)).ResidentId;
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Notifications.AddRange(Enumerable.Range(0, 40).Select(i => new Notification
        {
            Id = Guid.NewGuid(),
            ResidentId = residentId,
            Key = $"test:{Guid.NewGuid():N}",
            Text = $"第{i}封信",
            Subject = "通知",
            Channel = NotificationChannel.Letter,
            Address = Address,
            Status = DeliveryStatus.AwaitingPrint,
            CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var waiting = await db.Notifications.Where(n => n.Status == DeliveryStatus.AwaitingPrint && n.PrintBatchId == null).Select(n => n.Id).ToListAsync(TestContext.Current.CancellationToken);

        async Task<PrintBatch?> Start(string name)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<StartPrintBatch>().Handle(null, name, TestContext.Current.CancellationToken);
        }

        var batches = (await Task.WhenAll(Start("孙涛"), Start("另一位"))).OfType<PrintBatch>().ToList();

        var letters = await db.Notifications.AsNoTracking().Where(n => waiting.Contains(n.Id)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(letters, l => Assert.Contains(batches, b => b.Id == l.PrintBatchId));
        Assert.Equal(waiting.Count, batches.Sum(b => b.Letters));
        Assert.All(batches, b => Assert.Equal(b.Letters, letters.Count(l => l.PrintBatchId == b.Id)));
        Assert.Null(await Start("孙涛")); // nothing left to take
    }

    /// <summary>
    /// A refusal by letter gives the reasons, the legal basis and how to appeal; a notice lists every item; and for a
    /// resident who asked for large text, the letter is in large type and runs on to a next page headed with her
    /// reference rather than being cut off.
    /// </summary>
    [Fact]
    public async Task ALetterWritesOutTheAction_ReasonsAndItems_InLargeTypeWhenSheAskedForIt()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        var (saved, html, _) = await resident.Submit("/me/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "陈志强",
            ["Input.ContactChannel"] = "Letter",
            ["Input.District"] = "nanshan",
            ["Input.PostalAddress"] = Address,
            ["Input.Needs"] = "LargeText",
        });
        Assert.True(saved == HttpStatusCode.Redirect, html);
        var reference = await Outbox.AcceptedCardCase(app, resident);
        var officer = await People.SignInStaff(app, "officer.civil");
        var staffPage = $"/staff/cases/{reference}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(staffPage, new Dictionary<string, string> { ["Act"] = "MoreInformationRequested", ["Items"] = "户口簿首页\n近期二寸照片" })).Status);
        var reasons = string.Concat(Enumerable.Repeat("申请人提交的出生日期与户籍记录不一致，", 40)) + "故不予批准。";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(staffPage, new Dictionary<string, string> { ["Act"] = "Rejected", ["Text"] = reasons, ["LegalBasis"] = "《深圳市老年人优待办法》第五条" })).Status);
        await app.RunDueJobs();

        var operatorClient = await People.SignInStaff(app, "operator");
        await operatorClient.Submit("/staff/letters", new Dictionary<string, string>(), "/staff/letters?handler=Start");
        var batchId = await BatchOf(reference);
        var (pdf, _) = await operatorClient.Download($"/staff/letters?handler=Pdf&id={batchId}");
        using var document = PdfDocument.Open(pdf);
        var hers = document.GetPages().Where(p => Squeeze(p.Text).Contains(CaseReference.Display(reference), StringComparison.Ordinal)).ToList();

        var notice = Squeeze(hers.Single(p => Squeeze(p.Text).Contains("完整清单", StringComparison.Ordinal)).Text);
        Assert.Contains("户口簿首页", notice, StringComparison.Ordinal);
        Assert.Contains("近期二寸照片", notice, StringComparison.Ordinal);

        var refusal = hers.SkipWhile(p => !Squeeze(p.Text).Contains("未获批准", StringComparison.Ordinal)).ToList();
        Assert.True(refusal.Count >= 2, "a long refusal in large type runs on to a next page");
        Assert.Contains("第2页", Squeeze(refusal[1].Text), StringComparison.Ordinal);
        var whole = string.Concat(refusal.Select(p => Squeeze(p.Text)));
        Assert.Contains("《深圳市老年人优待办法》第五条", whole, StringComparison.Ordinal);
        Assert.Contains("故不予批准。", whole, StringComparison.Ordinal); // nothing of the reasons cut off
        Assert.Contains("行政复议", whole, StringComparison.Ordinal);
        var sizes = refusal[0].Letters.Select(l => l.PointSize).Order().ToList();
        Assert.True(sizes[sizes.Count / 2] >= 16, $"large type: the median letter is {sizes[sizes.Count / 2]} pt");
    }

    [Theory]
    [InlineData(null, true, "http://localhost:5080")]
    [InlineData(null, false, null)]
    [InlineData("http://localhost:5080", false, null)]
    [InlineData("https://127.0.0.1", false, null)]
    [InlineData("https://tongban", false, null)]
    [InlineData("not an address", false, null)]
    [InlineData("https://tongban.sz.gov.cn", false, "https://tongban.sz.gov.cn")]
    [InlineData("http://localhost:8080", true, "http://localhost:8080")]
    public void OutsideDevelopment_LettersPrintOnlyAConfiguredPublicAddress(string? configured, bool development, string? printed)
    {
        Assert.Equal(printed, LetterSiteAddress.For(configured, development, "http://localhost:5080"));
    }

    private async Task<Guid> BatchOf(string reference)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.Where(n => n.CaseId == id && n.PrintBatchId != null).Select(n => n.PrintBatchId!.Value).Distinct().SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void LinesBreakBetweenChineseCharacters_AndBetweenEnglishWords()
    {
        static double Width(string s) => s.Length;

        Assert.Equal(["深圳市南山", "区粤海街道"], LetterPdf.Wrap("深圳市南山区粤海街道", Width, 5));
        Assert.Equal(["Call the", "12345", "hotline"], LetterPdf.Wrap("Call the 12345 hotline", Width, 8));
        Assert.Equal(["abcd", "efgh", "ij"], LetterPdf.Wrap("abcdefghij", Width, 4));
        Assert.Equal(["请拨打", "12345", "热线"], LetterPdf.Wrap("请拨打12345热线", Width, 5));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
