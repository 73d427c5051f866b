using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Ratings.Helpful;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Ratings;

/// <summary>"Was this page helpful?" on a service's page: anonymous, counted once per browser, and never as a rating of a case.</summary>
public sealed partial class PageHelpfulTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<PageFeedback>> Answers(string service)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PageFeedback.AsNoTracking().Where(f => f.ServiceCode == service).ToListAsync(Ct);
    }

    private static Task<(HttpStatusCode Status, string Html, Uri? Location)> Answer(FormClient visitor, string service, string helpful) =>
        visitor.Post($"/services/{service}/helpful", new Dictionary<string, string> { ["helpful"] = helpful });

    [Fact]
    public async Task AVisitorSaysNoAndWhy_OnceFromHerBrowser_WithoutSigningIn_AndNoCookieOnTheServicePage()
    {
        const string service = "food-business-licence";
        var visitor = new FormClient(app);
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/services/{service}"))
        {
            var (_, page, response) = await visitor.Send(request);
            Assert.Contains($"action=\"/services/{service}/helpful\"", page, StringComparison.Ordinal);
            Assert.Null(PageForm.Token(page));
            Assert.False(response.Headers.Contains("Set-Cookie"), "the service page sets no cookie");
        }

        var (status, asked, _) = await Answer(visitor, service, "no");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("What was wrong with the page?", asked, StringComparison.Ordinal);
        var id = AnswerId().Match(asked).Groups[1].Value;

        var (_, unclear, _) = await visitor.Post($"/services/{service}/helpful?handler=Reason", new Dictionary<string, string> { ["answer"] = id, ["reason"] = "3" });
        Assert.Contains("Choose one of the reasons.", unclear, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Post($"/services/{service}/helpful?handler=Reason", new Dictionary<string, string> { ["answer"] = id, ["reason"] = "SomethingMissing" })).Status);
        // Given once: a second reason for the same answer changes nothing.
        await visitor.Post($"/services/{service}/helpful?handler=Reason", new Dictionary<string, string> { ["answer"] = id, ["reason"] = "SomethingWrong" });
        var saved = Assert.Single(await Answers(service));
        Assert.Equal((false, PageFeedbackReason.SomethingMissing), (saved.Helpful, saved.Reason));

        // The same browser again: thanked, not counted.
        var (_, again, _) = await Answer(visitor, service, "yes");
        Assert.Contains("You have told us about this page already.", again, StringComparison.Ordinal);
        Assert.Single(await Answers(service));

        // A "yes" takes no reason, nor does a "no" an hour later.
        await Answer(new FormClient(app), service, "yes");
        var yes = Assert.Single(await Answers(service), f => f.Helpful);
        await visitor.Post($"/services/{service}/helpful?handler=Reason", new Dictionary<string, string> { ["answer"] = yes.Id.ToString(), ["reason"] = "SomethingWrong" });
        var late = new FormClient(app);
        var lateId = AnswerId().Match((await Answer(late, service, "no")).Html).Groups[1].Value;
        app.Time.Advance(PageFeedback.ReasonWindow + TimeSpan.FromMinutes(1));
        await late.Post($"/services/{service}/helpful?handler=Reason", new Dictionary<string, string> { ["answer"] = lateId, ["reason"] = "HardToUnderstand" });
        Assert.Equal(1, (await Answers(service)).Count(f => f.Reason is not null));

        Assert.Equal(HttpStatusCode.NotFound, (await Answer(new FormClient(app), "no-such-service", "yes")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Answer(new FormClient(app), service, "maybe")).Status);
        Assert.Equal(3, (await Answers(service)).Count);
    }

    [Fact]
    public async Task TheAnswers_ArePublishedApartFromRatings_FromTenAnswers()
    {
        const string service = "individual-business-licence";
        for (var i = 0; i < 9; i++)
        {
            await Answer(new FormClient(app), service, i < 6 ? "yes" : "no");
        }

        var visitor = new FormClient(app);
        Assert.Contains("Fewer than 10 answers: not shown.", (await visitor.Get("/ratings")).Html, StringComparison.Ordinal);
        Assert.Contains("\"individual-business-licence\",,,,,,,true\r\n", (await visitor.Get("/ratings/data/pages.csv")).Html, StringComparison.Ordinal);

        await Answer(new FormClient(app), service, "no");
        var (_, ratings, _) = await visitor.Get("/ratings");
        Assert.Matches(@"<td>10</td>\s*<td>6 \(60%\)</td>", Regex.Replace(ratings, "<td[^>]*>", "<td>"));
        Assert.Contains("\"individual-business-licence\",10,6,0,0,0,0,false\r\n", (await visitor.Get("/ratings/data/pages.csv")).Html, StringComparison.Ordinal);

        // Never a rating of a service: the ratings figures do not name it.
        Assert.DoesNotContain("individual-business-licence", (await visitor.Get("/ratings/data/figures.csv")).Html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Ratings.AnyAsync(r => r.ServiceCode == service, Ct));
    }

    [GeneratedRegex("name=\"answer\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex AnswerId();
}
