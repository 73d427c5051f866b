using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Tests.Infrastructure;

/// <summary>Applies for a service through the form pages, as a resident (or someone for her) does.</summary>
public static partial class Applying
{
    /// <summary>The smallest PDF the upload's content check accepts.</summary>
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// Answers whatever the form asks next from <paramref name="answers"/> (dates as yyyy-MM-dd; "pdf:name.pdf"
    /// uploads <see cref="Pdf"/> under that name), confirms on the check page and returns the new case's reference.
    /// </summary>
    public static async Task<string> Apply(FormClient browser, string service, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(answers);
        var (status, html, location) = await browser.Get($"/services/{service}/apply");
        for (var i = 0; i < 30 && status == HttpStatusCode.Redirect && !location!.OriginalString.EndsWith("/check", StringComparison.Ordinal); i++)
        {
            var question = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
            Assert.True(answers.TryGetValue(question, out var answer), $"unexpected question {question}");
            if (answer.StartsWith("pdf:", StringComparison.Ordinal))
            {
                (status, html, location) = await browser.Upload(location.OriginalString, "file", answer[4..], Pdf);
                continue;
            }

            (status, html, location) = await browser.Submit(location.OriginalString, Fields(answer));
        }

        Assert.True(status == HttpStatusCode.Redirect, html);
        var (_, _, done) = await browser.Submit(location!.OriginalString, new Dictionary<string, string>());
        return CaseReferenceOn((await browser.Get(done!.OriginalString)).Html);
    }

    /// <summary>As <see cref="Apply(FormClient, string, IReadOnlyDictionary{string, string})"/>, in a browser page (typed answers and dates only).</summary>
    public static async Task<string> Apply(Microsoft.Playwright.IPage page, Uri site, string service, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(answers);
        await page.GotoAsync(new Uri(site, $"/services/{service}/apply").ToString());
        for (var i = 0; i < 30 && !page.Url.EndsWith("/check", StringComparison.Ordinal); i++)
        {
            var question = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            Assert.True(answers.TryGetValue(question, out var answer), $"unexpected question {question}");
            foreach (var (name, value) in Fields(answer))
            {
                var choice = page.Locator($"main form input[type=radio][name={name}][value='{value}']");
                if (await choice.CountAsync() > 0)
                {
                    await choice.CheckAsync();
                }
                else
                {
                    await page.FillAsync($"main form [name={name}]", value);
                }
            }

            await page.ClickAsync("main form button[type=submit]");
        }

        await page.ClickAsync("main form button[type=submit]");
        return CaseReferenceOn(await page.ContentAsync());
    }

    /// <summary>The case stored under a reference as shown to the resident.</summary>
    public static async Task<Tongban.Cases.Case> StoredCase(TongbanApp app, string reference)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>().Cases.AsNoTracking()
            .SingleAsync(c => c.Reference == Tongban.Cases.CaseReference.Normalize(reference), TestContext.Current.CancellationToken);
    }

    /// <summary>The form fields of one typed answer: a date (yyyy-MM-dd) as day, month and year, anything else as itself.</summary>
    public static Dictionary<string, string> Fields(string answer) => DateOnly.TryParseExact(answer, "yyyy-MM-dd", out var date)
        ? new Dictionary<string, string> { ["day"] = $"{date.Day}", ["month"] = $"{date.Month}", ["year"] = $"{date.Year}" }
        : new Dictionary<string, string> { ["answer"] = answer };

    /// <summary>The reference of the case a page links to, as shown to the resident.</summary>
    public static string CaseReferenceOn(string html) => CaseLink().Match(html).Groups[1].Value;

    [GeneratedRegex("href=\"/cases/([0-9A-Z*~$=]{9})\"")]
    private static partial Regex CaseLink();
}
