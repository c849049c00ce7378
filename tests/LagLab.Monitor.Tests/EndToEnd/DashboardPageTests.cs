using LagLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>The dashboard page in headless Chromium (Debian's, driven by Playwright): it loads cleanly and charts the lag.</summary>
public sealed class DashboardPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_InChromium_LoadsWithoutErrorsAndChartsTheLag()
    {
        var chromium = RequiredTool.Require("/usr/bin/chromium", "chromium");
        await using var monitor = await LagMonitor.StartAsync(SyntheticCluster.Options(), SyntheticCluster.Reader(TimeProvider.System), SyntheticCluster.TenMinuteOldRecords(TimeProvider.System), NullLoggerFactory.Instance, TimeProvider.System, Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.RequestFailed += (_, request) => errors.Add("request failed: " + request.Url);

        var response = await page.GotoAsync(monitor.Url.ToString());
        var legend = page.Locator("#lag-legend li[data-group='recon']");
        await legend.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#groups tbody tr').length === 5 && document.querySelector('#alerts tbody tr') !== null", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        var latest = await legend.GetAttributeAsync("data-latest");
        var timeLatest = await page.Locator("#time-legend li[data-group='recon']").GetAttributeAsync("data-latest");
        var stoppedBadge = await page.Locator("#groups tr[data-group='stopped'] .badge").InnerTextAsync();
        var freshness = await page.Locator("#freshness").InnerTextAsync();
        var chartMax = double.Parse((await page.Locator("#lag-chart").GetAttributeAsync("data-max"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "laglab-dashboard.png"), FullPage = true });

        Assert.Equal(200, response!.Status);
        Assert.Empty(errors);
        Assert.Equal("20000", latest);
        Assert.InRange(double.Parse(timeLatest!, System.Globalization.CultureInfo.InvariantCulture), 599, 660);
        Assert.StartsWith("stopped", stoppedBadge, StringComparison.Ordinal);
        Assert.StartsWith("live", freshness, StringComparison.Ordinal);
        Assert.True(chartMax >= 20000, $"chart scale {chartMax} does not cover the lag");
    }
}
