namespace LagLab.Protocol;

/// <summary>The versions of one API this codec speaks, and the first flexible (KIP-482) version.</summary>
public readonly record struct ApiVersionRange(ApiKey ApiKey, short MinVersion, short MaxVersion, short FirstFlexibleVersion)
{
    public bool Supports(short version) => version >= MinVersion && version <= MaxVersion;

    public bool IsFlexible(short version) => version >= FirstFlexibleVersion;
}
