namespace LagLab.Protocol.Tests;

/// <summary>
/// The round-trip scaffold every message test shares: for each version <see cref="ApiVersionTable"/> gives
/// the API, the full sample written at that version reads back as the sample built for that version
/// (see <see cref="Versioned"/>), and every strict prefix of its encoding is rejected. Failures name the version.
/// </summary>
internal static class RoundTrip
{
    /// <summary><paramref name="sample"/>(null) has every field set; sample(v) has the fields v lacks at their defaults.</summary>
    public static void ForEveryVersion<T>(ApiKey apiKey, Func<short?, T> sample)
        where T : IKafkaMessage<T>
    {
        var full = sample(null);
        foreach (var version in VersionsOf(apiKey))
        {
            CodecAssert.RoundTripsTo(full, version, sample(version));
            CodecAssert.EveryPrefixThrows(full, version);
        }
    }

    /// <summary>For a message whose fields are the same at every version.</summary>
    public static void ForEveryVersion<T>(ApiKey apiKey, Func<T> sample)
        where T : IKafkaMessage<T> =>
        ForEveryVersion(apiKey, _ => sample());

    private static IEnumerable<short> VersionsOf(ApiKey apiKey)
    {
        var range = ApiVersionTable.Get(apiKey);
        for (var v = range.MinVersion; v <= range.MaxVersion; v++)
        {
            yield return v;
        }
    }
}
