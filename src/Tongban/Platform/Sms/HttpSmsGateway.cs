namespace Tongban.Platform.Sms;

public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's send endpoint, for example https://sms.example.gov.cn/v1/messages.</summary>
    public Uri? Url { get; set; }

    public string? Key { get; set; }
}

/// <summary>
/// Sends through an HTTP SMS gateway: POST {to, text} as JSON with a bearer key. A failure throws, so
/// the caller can tell the resident to try again (or, for notifications, retry from the outbox).
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, Microsoft.Extensions.Options.IOptions<SmsGatewayOptions> options) : ISmsSender
{
    public async Task Send(string mobileNumber, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url ?? throw new InvalidOperationException("Sms:Gateway:Url is not set."))
        {
            Content = JsonContent.Create(new { to = mobileNumber, text }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.Key);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
