using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.Tests.Infrastructure;

/// <summary>What a browser reads from a page's form: its antiforgery token and its hidden fields.</summary>
public static partial class PageForm
{
    /// <summary>The antiforgery token of the page's form, or null when it has none.</summary>
    public static string? Token(string page)
    {
        var token = TokenField().Match(page);
        return token.Success ? token.Groups[1].Value : null;
    }

    /// <summary>The fields a browser posts: <paramref name="fields"/>, the form's token and whatever hidden fields it does not set.</summary>
    public static Dictionary<string, string> Fields(string page, IDictionary<string, string> fields, string url)
    {
        var token = Token(page);
        Assert.True(token is not null, $"no antiforgery token on {url}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        foreach (var (name, value) in Hidden(page))
        {
            form.TryAdd(name, value);
        }

        return form;
    }

    /// <summary>The form's hidden fields, decoded.</summary>
    public static IEnumerable<(string Name, string Value)> Hidden(string page) =>
        HiddenField().Matches(page).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
