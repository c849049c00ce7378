namespace LagLab.Bank.Http;

/// <summary>
/// The admin endpoints change what every client sees (an outage), so a web page open in the user's browser must not be
/// able to call them: a POST with no body is a "simple" request a page may send to 127.0.0.1 without a CORS preflight.
/// Browsers mark such requests (<c>Sec-Fetch-Site</c>, <c>Origin</c>); scripts, curl and the load-test harness send
/// neither and are allowed.
/// </summary>
internal static class AdminGuard
{
    /// <summary>True when the request comes from a page of another origin; <paramref name="origin"/> says which.</summary>
    public static bool IsCrossOrigin(HttpRequest request, out string origin)
    {
        origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            origin = origin.Length > 0 ? origin : $"Sec-Fetch-Site: {site}";
            return true;
        }
        if (origin.Length == 0)
        {
            return false;
        }
        // "null" (a sandboxed frame, a file: page) never matches.
        return !origin.Equals($"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
