using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases.Log;
using Tongban.PartnerApi.Webhooks;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>The app with webhook receivers given one second to answer, so that a slow one is slow within a test.</summary>
public sealed class TongbanAppForWebhooks : TongbanAppWithClock
{
    public TongbanAppForWebhooks() => Settings["Partners:Webhooks:TimeoutSeconds"] = "1";
}

/// <summary>
/// A partner subscribes to the changes of the cases it sent; it hears of each change she let it hear of, signed by
/// Standard Webhooks (checked with the reference library); a receiver that fails, is slow or is down is tried again on
/// the schedule, then given up where the operator sees it; the partner replays it, once however often it asks.
/// </summary>
public sealed class WebhookTests(TongbanAppForWebhooks app) : IClassFixture<TongbanAppForWebhooks>
{
    private const string WithUpdates = "openid offline_access applications.write updates";
    private static int _partners;
    private static readonly NodeTool StandardWebhooks = new(Path.Combine("PartnerApi", "StandardWebhooks"));

    private async Task<(PartnerClient Partner, string Own, string Secret)> Subscribed(WebhookReceiver receiver)
    {
        var partner = await PartnerClient.Register(app, "hook-partner-" + Interlocked.Increment(ref _partners), nameEn: "Pearl Telecom");
        var own = await partner.OwnToken("webhooks");
        var (status, subscription) = await partner.Api(HttpMethod.Put, "/api/v1/webhook", own, new { url = receiver.Url.ToString() });
        Assert.True(status == HttpStatusCode.Created, subscription.ToString());
        return (partner, own, subscription.GetProperty("secret").GetString()!);
    }

    /// <summary>She allows <paramref name="granted"/>; the partner fills in and sends her application; returns the case's reference.</summary>
    private static async Task<(FormClient Her, string Reference)> ApplyThrough(PartnerClient partner, TongbanAppWithClock app, string granted)
    {
        var her = await People.SignInResident(app, People.NewMobile());
        var access = await partner.AccessFor(her, granted, WithUpdates);
        var application = await partner.FillIn(access, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var (sent, submitted) = await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{application.GetProperty("id").GetString()}/submit", access, null);
        Assert.True(sent == HttpStatusCode.OK, submitted.ToString());
        return (her, submitted.GetProperty("cases")[0].GetProperty("reference").GetString()!);
    }

    private async Task<List<WebhookDelivery>> Deliveries(string clientId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.AsNoTracking()
            .Where(d => d.ClientId == clientId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Sequence).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What the reference library says of each message, checked with <paramref name="secret"/> on a receiver whose clock reads the city's.</summary>
    private async Task<List<string>> Verify(string secret, IEnumerable<ReceivedWebhook> messages)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tongban-webhooks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            secret,
            now = app.Time.GetUtcNow().ToUnixTimeSeconds(),
            messages = messages.Select(m => new { headers = m.Headers, body = m.Body }),
        }), TestContext.Current.CancellationToken);
        try
        {
            return JsonSerializer.Deserialize<List<string>>(await StandardWebhooks.Run("verify.mjs", file))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonElement Data(ReceivedWebhook message) => JsonDocument.Parse(message.Body).RootElement.GetProperty("data");

    [Fact]
    public async Task EachChangeSheLetThePartnerHearOf_ArrivesOnce_SignedSoTheReferenceLibraryVerifiesIt()
    {
        await using var receiver = await WebhookReceiver.Start();
        var (partner, own, secret) = await Subscribed(receiver);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var (again, subscription) = await partner.Api(HttpMethod.Put, "/api/v1/webhook", own, new { url = receiver.Url.ToString() });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.False(subscription.TryGetProperty("secret", out _)); // shown once, when made

        var (_, reference) = await ApplyThrough(partner, app, "applications.write updates");
        await app.RunDueJobs();
        await People.OfficerActs(app, reference, CaseActionKind.Accepted);
        await app.RunDueJobs();
        await People.OfficerActs(app, reference, CaseActionKind.Approved);
        await app.RunDueJobs();
        await app.RunDueJobs();

        var messages = receiver.Received.ToList();
        Assert.Equal([("WithOfficer", "Submitted"), ("InProgress", "Accepted"), ("Approved", "Approved")],
            messages.Select(m => (Data(m).GetProperty("status").GetString(), Data(m).GetProperty("action").GetString())));
        Assert.All(messages, m => Assert.Equal(reference, Data(m).GetProperty("reference").GetString()));
        Assert.All(messages, m => Assert.Equal(QueueWebhook.EventType, JsonDocument.Parse(m.Body).RootElement.GetProperty("type").GetString()));
        Assert.Equal(3, messages.Select(m => m.Id).Distinct().Count());
        Assert.DoesNotContain("陈志强", string.Concat(messages.Select(m => m.Body)), StringComparison.Ordinal); // what changed, not who she is

        // The reference library verifies each one; a changed body, an old timestamp or another secret it refuses.
        var tampered = messages[2] with { Body = messages[2].Body.Replace("Approved", "Rejected", StringComparison.Ordinal) };
        var old = messages[2] with { Timestamp = (long.Parse(messages[2].Timestamp, System.Globalization.CultureInfo.InvariantCulture) - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(["ok", "ok", "ok", "No matching signature found", "Message timestamp too old"], await Verify(secret, [.. messages, tampered, old]));
        Assert.Equal(["No matching signature found"], await Verify(WebhookSignature.NewSecret(), [messages[0]]));

        // The partner sees them delivered, and nothing is sent twice.
        var (_, list) = await partner.Api("/api/v1/webhook/deliveries?status=delivered", own);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.RunDueJobs();
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task WithoutHerLeave_OrAfterSheWithdrawsIt_NothingIsSentAboutHer()
    {
        await using var receiver = await WebhookReceiver.Start();
        var (partner, _, _) = await Subscribed(receiver);

        // She let it apply for her, not tell her of changes.
        var (_, notAllowed) = await ApplyThrough(partner, app, "applications.write");
        await People.OfficerActs(app, notAllowed, CaseActionKind.Accepted);

        // She allowed updates, then ended the partner's access: the change after it is not sent.
        var (her, reference) = await ApplyThrough(partner, app, "applications.write updates");
        await app.RunDueJobs();
        var (ended, _, _) = await her.Submit("/me/partners", new Dictionary<string, string>(), "/me/partners?handler=withdraw");
        Assert.Equal(HttpStatusCode.Redirect, ended);
        await People.OfficerActs(app, reference, CaseActionKind.Accepted);
        await app.RunDueJobs();

        var message = Assert.Single(receiver.Received);
        Assert.Equal((reference, "Submitted"), (Data(message).GetProperty("reference").GetString(), Data(message).GetProperty("action").GetString()));
        Assert.Single(await Deliveries(partner.ClientId));
    }

    [Fact]
    public async Task AReceiverThatFailsIsSlowOrDown_IsTriedOnTheSchedule_ThenGivenUpWhereTheOperatorSeesIt_AndAHundredReplaysSendItOnce()
    {
        await using var receiver = await WebhookReceiver.Start();
        var (partner, own, _) = await Subscribed(receiver);
        receiver.Answer = HttpStatusCode.ServiceUnavailable;
        await ApplyThrough(partner, app, "applications.write updates");
        await app.RunDueJobs();
        var delivery = Assert.Single(await Deliveries(partner.ClientId));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, "HTTP 503"), (delivery.Status, delivery.Attempts, delivery.LastResult));

        // Slow: no answer within the second it is given.
        (receiver.Answer, receiver.Delay) = (HttpStatusCode.OK, TimeSpan.FromSeconds(5));
        app.Time.Advance(WebhookRetry.Schedule[0]);
        await app.RunDueJobs();
        delivery = Assert.Single(await Deliveries(partner.ClientId));
        Assert.Equal((WebhookDeliveryStatus.Pending, 2, "no answer within 1 s"), (delivery.Status, delivery.Attempts, delivery.LastResult));

        // Down: each attempt waits its pause (not a second less), and after the last it is given up.
        await receiver.Down();
        for (var attempt = 3; attempt <= WebhookRetry.MaxAttempts; attempt++)
        {
            app.Time.Advance(WebhookRetry.Schedule[attempt - 2] - TimeSpan.FromSeconds(1));
            await app.RunDueJobs();
            Assert.Equal(attempt - 1, Assert.Single(await Deliveries(partner.ClientId)).Attempts);
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await app.RunDueJobs();
            Assert.Equal(attempt, Assert.Single(await Deliveries(partner.ClientId)).Attempts);
        }

        delivery = Assert.Single(await Deliveries(partner.ClientId));
        Assert.Equal(WebhookDeliveryStatus.GaveUp, delivery.Status);
        Assert.StartsWith("could not connect", delivery.LastResult, StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromDays(3));
        await app.RunDueJobs();
        Assert.Equal(WebhookRetry.MaxAttempts, Assert.Single(await Deliveries(partner.ClientId)).Attempts);
        Assert.Equal(2, receiver.Received.Count);

        var operatorClient = await People.SignInStaff(app, "operator");
        var (_, page, _) = await operatorClient.Get("/staff/partners/webhooks");
        Assert.Contains(delivery.MessageId, page, StringComparison.Ordinal);
        Assert.Contains("could not connect", page, StringComparison.Ordinal);

        // Back up, the partner finds it given up and replays it a hundred times at once: it is sent once more, as it was.
        await receiver.Up();
        receiver.Delay = TimeSpan.Zero;
        own = await partner.OwnToken("webhooks"); // a day later: the first token has lapsed
        var (_, givenUp) = await partner.Api("/api/v1/webhook/deliveries?status=GaveUp", own);
        Assert.Equal(delivery.MessageId, givenUp.GetProperty("items")[0].GetProperty("id").GetString());
        var replays = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.Api(HttpMethod.Post, $"/api/v1/webhook/deliveries/{delivery.MessageId}/replay", own, null)));
        Assert.All(replays, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        await app.RunDueJobs();
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.RunDueJobs();

        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(delivery.MessageId, receiver.Received.Last().Id);
        Assert.Equal(receiver.Received.First().Body, receiver.Received.Last().Body);
        delivery = Assert.Single(await Deliveries(partner.ClientId));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 1), (delivery.Status, delivery.Replays, delivery.Attempts));
    }

    [Fact]
    public async Task OnlyThePartnersOwnTokenSubscribes_ToAnHttpsAddress_OnceUnderAHundredCalls_AndARotatedSecretSignsBesideTheOldForADay()
    {
        await using var receiver = await WebhookReceiver.Start();
        var partner = await PartnerClient.Register(app, "hook-partner-" + Interlocked.Increment(ref _partners));
        var her = await People.SignInResident(app, People.NewMobile());
        var hers = await partner.AccessFor(her, "applications.write updates", WithUpdates);
        var catalogueOnly = await partner.OwnToken();
        foreach (var token in new[] { hers, catalogueOnly })
        {
            var (status, problem) = await partner.Api(HttpMethod.Put, "/api/v1/webhook", token, new { url = receiver.Url.ToString() });
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("insufficient_scope", problem.GetProperty("title").GetString());
        }

        var own = await partner.OwnToken("webhooks");
        foreach (var bad in new[] { "ftp://files.example/hook", "not an address", "https://user:secret@hooks.example/", "" })
        {
            var (status, problem) = await partner.Api(HttpMethod.Put, "/api/v1/webhook", own, new { url = bad }, language: "zh-CN");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty("url")[0].GetString()!);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api("/api/v1/webhook", own)).Status);
        Assert.NotNull(WebhookAddress.Problem("http://hooks.example/", allowLocal: false)); // plain HTTP only where configured (here, for local receivers)

        var puts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.Api(HttpMethod.Put, "/api/v1/webhook", own, new { url = receiver.Url.ToString() })));
        var created = Assert.Single(puts, p => p.Status == HttpStatusCode.Created);
        Assert.All(puts.Where(p => p.Status != HttpStatusCode.Created), p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var oldSecret = created.Body.GetProperty("secret").GetString()!;

        var (rotated, answer) = await partner.Api(HttpMethod.Post, "/api/v1/webhook/secret", own, null);
        Assert.Equal(HttpStatusCode.OK, rotated);
        var newSecret = answer.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        var application = await partner.FillIn(hers, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{application.GetProperty("id").GetString()}/submit", hers, null);
        await app.RunDueJobs();
        var message = Assert.Single(receiver.Received);
        Assert.Equal(["ok"], await Verify(oldSecret, [message]));
        Assert.Equal(["ok"], await Verify(newSecret, [message]));

        // Unsubscribed, what was still waiting is given up, not sent, and later changes make no message.
        receiver.Answer = HttpStatusCode.ServiceUnavailable;
        var reference = Data(message).GetProperty("reference").GetString()!;
        await People.OfficerActs(app, reference, CaseActionKind.Accepted);
        await app.RunDueJobs();
        Assert.Equal(HttpStatusCode.NoContent, (await partner.Api(HttpMethod.Delete, "/api/v1/webhook", own, null)).Status);
        app.Time.Advance(WebhookRetry.Schedule[0]);
        await app.RunDueJobs();
        await People.OfficerActs(app, reference, CaseActionKind.Approved);
        await app.RunDueJobs();

        var deliveries = await Deliveries(partner.ClientId);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal((WebhookDeliveryStatus.GaveUp, 2, "the partner no longer subscribes"), (deliveries[1].Status, deliveries[1].Attempts, deliveries[1].LastResult));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api("/api/v1/webhook", own)).Status);
    }
}

/// <summary>A partner cannot make the city's servers call into the city's own network, by address or by a name that resolves there.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void OnlyAddressesOnTheInternetArePublic(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddress.IsPublic(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/tongban", null)]
    [InlineData("http://hooks.example.com/tongban", "Messages are only sent over HTTPS.")]
    [InlineData("https://localhost/hook", "The address must be reachable on the internet.")]
    [InlineData("https://10.0.0.5/hook", "The address must be reachable on the internet.")]
    [InlineData("https://[::1]:8443/hook", "The address must be reachable on the internet.")]
    [InlineData("https://169.254.169.254/latest/meta-data", "The address must be reachable on the internet.")]
    public void WhereLocalAddressesAreNotAllowed_TheyAreRefused(string url, string? problem) =>
        Assert.Equal(problem, WebhookAddress.Problem(url, allowLocal: false));

    [Fact]
    public async Task ANameThatResolvesIntoTheCitysNetwork_IsNotConnectedTo()
    {
        using var handler = new SocketsHttpHandler { ConnectCallback = WebhookAddress.PublicOnly };
        using var client = new HttpClient(handler);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://localhost:9/"), TestContext.Current.CancellationToken));
        Assert.Contains("not an address on the internet", refused.Message, StringComparison.Ordinal);
    }
}
