using System.Net;
using Microsoft.Extensions.Options;

namespace Tongban.Residents.Identity;

public sealed class RealNameServiceOptions
{
    /// <summary>The service's check endpoint, for example https://realname.example.gov.cn/v1/checks.</summary>
    public Uri? Url { get; set; }

    public string? Key { get; set; }
}

/// <summary>
/// Asks an HTTP real-name service: POST {idNumber, name, mobile} as JSON with a bearer key; it answers
/// {"match": true|false}. Anything else (a timeout, a 5xx, a body it did not mean) is <see cref="RealNameAnswer.Unavailable"/>.
/// </summary>
public sealed class HttpRealNameCheck(HttpClient http, IOptions<RealNameServiceOptions> options, ILogger<HttpRealNameCheck> logger) : IRealNameCheck
{
    private sealed record Answer(bool? Match);

    public async Task<RealNameAnswer> Check(string idNumber, string fullName, string mobileNumber, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = JsonContent.Create(new { idNumber, name = fullName, mobile = mobileNumber }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.Key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                logger.LogWarning("The real-name service answered {Status}.", (int)response.StatusCode);
                return RealNameAnswer.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
            return answer?.Match switch { true => RealNameAnswer.Match, false => RealNameAnswer.NoMatch, null => RealNameAnswer.Unavailable };
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or NotSupportedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "The real-name service could not be asked.");
            return RealNameAnswer.Unavailable;
        }
    }
}
