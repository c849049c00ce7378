namespace LagLab.Protocol.Tests;

/// <summary>
/// Builds version-dependent samples for round-trip tests. A sample built with version null has every
/// field set; built with a version, fields that version lacks take their default, which is exactly what
/// reading the full sample written at that version must give.
/// </summary>
internal static class Versioned
{
    /// <summary>The value when the field exists at <paramref name="version"/> (from <paramref name="first"/> on), else its default.</summary>
    public static T Since<T>(short? version, int first, T value, T absent) =>
        version is null || version >= first ? value : absent;

    /// <summary>The value when the field exists only at <paramref name="only"/>, else its default.</summary>
    public static T Only<T>(short? version, int only, T value, T absent) =>
        version is null || version == only ? value : absent;
}
