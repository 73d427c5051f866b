using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Tongban.Tests.Infrastructure.Chromium))]

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run, from the system (Playwright cannot download browsers
/// everywhere). Without it, browser tests skip with the reason locally and fail in CI.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly string ExecutablePath = Environment.GetEnvironmentVariable("TONGBAN_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _unavailable = $"Chromium not found at {ExecutablePath} (install the Debian package 'chromium' or set TONGBAN_CHROMIUM).";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Flags, Headless = true });
    }

    /// <summary>A fresh page in its own context (own cookies); skips the test, or fails it in CI, when there is no Chromium.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900, string locale = "zh-CN", bool javaScript = true)
    {
        if (_browser is null)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", _unavailable!);
            Assert.Fail(_unavailable);
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            JavaScriptEnabled = javaScript,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
        });
        return await context.NewPageAsync();
    }

    /// <summary>axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules; returns the violations, described for a failure message.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolations(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
