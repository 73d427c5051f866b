using System.Net;
using System.Net.Http.Headers;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>Each partner's request limit a minute, counted in the database (so across nodes): 429 with Retry-After over it.</summary>
public sealed class PartnerRequestLimitTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task AHundredConcurrentRequests_OfAPartnerAllowedTwenty_LetTwentyThrough_AndTheRestAreToldWhenToComeBack()
    {
        // Mid-minute, so that the hundred fall in one minute and the wait is known.
        var now = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromSeconds(90 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond));
        var partner = await PartnerClient.Register(app, "limited-partner", requestsPerMinute: 20);
        var other = await PartnerClient.Register(app, "unlimited-partner");
        var token = await partner.OwnToken();

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Call(token)));
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == 20, string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Key}: {g.Count()}")) + answers[0].Body);
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(80, refused.Count);
        Assert.All(refused, a => Assert.InRange(a.RetryAfter!.Value, 29, 31));
        Assert.All(refused, a => Assert.Equal("application/problem+json", a.ContentType));
        Assert.Contains("20 requests a minute", refused[0].Body, StringComparison.Ordinal);

        // Another partner is not held back by this one; and the next minute the first may call again.
        Assert.Equal(HttpStatusCode.OK, (await Call(await other.OwnToken())).Status);
        app.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await Call(token)).Status);
    }

    private async Task<(HttpStatusCode Status, double? RetryAfter, string? ContentType, string Body)> Call(string token)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services?limit=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
