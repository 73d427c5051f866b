using Microsoft.Playwright;
using Tongban.Platform.Localization;

namespace Tongban.Tests.Infrastructure;

/// <summary>What every page must pass in Chromium: axe in both languages and both modes, no sideways scrolling at 320 px, no cramped table.</summary>
public static class PageChecks
{
    /// <summary>Visits <paramref name="path"/> in both languages and both modes (keeping the sign-in) and collects axe's findings, any sideways scrolling and any cramped table cell at 320 px.</summary>
    public static async Task EveryLanguageAndMode(IPage page, Uri site, string path, List<string> problems)
    {
        foreach (var locale in new[] { "zh-CN", "en" })
        {
            foreach (var elder in new[] { false, true })
            {
                await page.Context.ClearCookiesAsync(new() { Name = ".Tongban.ElderMode" });
                var cookies = new List<Cookie> { new() { Name = LocalizationSetup.CookieName, Value = $"c={locale}|uic={locale}", Url = site.ToString() } };
                if (elder)
                {
                    cookies.Add(new Cookie { Name = ".Tongban.ElderMode", Value = "1", Url = site.ToString() });
                }

                await page.Context.AddCookiesAsync(cookies);
                var response = await page.GotoAsync(new Uri(site, path).ToString());
                var where = $"{path} {locale}{(elder ? " elder" : "")}";
                if (response?.Status != 200)
                {
                    problems.Add($"{where}: status {response?.Status}");
                    continue;
                }

                problems.AddRange((await Chromium.AxeViolations(page)).Select(v => $"{where}: {v}"));
                await page.SetViewportSizeAsync(320, 640);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    problems.Add($"{where}: {overflow}px too wide at 320 px");
                }

                // A table squeezed into a phone breaks dates two characters a line: each cell must keep room for a few words.
                var cramped = await page.EvaluateAsync<int>("[...document.querySelectorAll('main td')].filter(td => td.textContent.trim() && td.getBoundingClientRect().width < 6 * parseFloat(getComputedStyle(td).fontSize)).length");
                if (cramped > 0)
                {
                    problems.Add($"{where}: {cramped} table cells too narrow to read at 320 px");
                }

                await page.SetViewportSizeAsync(1280, 900);
            }
        }
    }
}
