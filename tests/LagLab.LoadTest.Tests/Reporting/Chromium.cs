using LagLab.Testing;
using Microsoft.Playwright;

namespace LagLab.LoadTest.Tests.Reporting;

/// <summary>Opens a page in Debian's headless Chromium through Playwright (no browser download) and collects its errors.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public List<string> Errors { get; } = [];

    public static async Task<Chromium> StartAsync()
    {
        var executable = RequiredTool.Require("/usr/bin/chromium", "chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    public async Task<IPage> OpenAsync(string file)
    {
        var page = await _browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
