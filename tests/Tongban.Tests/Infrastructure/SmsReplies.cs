using System.Net;
using System.Net.Http.Json;
using Tongban.Platform.Sms;

namespace Tongban.Tests.Infrastructure;

/// <summary>A resident's SMS reply as the gateway passes it on (<c>POST /sms/replies</c> with the development key), and the answer sent back to her.</summary>
public static class SmsReplies
{
    public const string DevelopmentKey = "development-only-sms-reply-key";

    public static async Task<string> Reply(TongbanApp app, string from, string text)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/replies") { Content = JsonContent.Create(new IncomingSms(from, text)) };
        request.Headers.Authorization = new("Bearer", DevelopmentKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SmsAnswer>(TestContext.Current.CancellationToken))!.Reply;
    }
}
