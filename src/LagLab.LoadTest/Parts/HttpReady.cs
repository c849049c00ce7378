namespace LagLab.LoadTest.Parts;

/// <summary>Polls an HTTP endpoint until it answers 2xx: how the harness knows a part serves.</summary>
internal static class HttpReady
{
    public static async Task<bool> WaitAsync(HttpClient http, Uri url, TimeSpan timeout, Func<bool> gaveUp, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (!cts.IsCancellationRequested && !gaveUp())
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                using var response = await http.SendAsync(request, cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (!cts.IsCancellationRequested)
            {
                // One request outlived the client's timeout (a part still warming up on a busy machine): ask again.
                continue;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }
}
