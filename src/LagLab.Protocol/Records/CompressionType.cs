namespace LagLab.Protocol.Records;

/// <summary>Codec in bits 0-2 of a record batch's attributes. The broker stores batches as sent and never decompresses.</summary>
public enum CompressionType : byte
{
    None = 0,
    Gzip = 1,
    Snappy = 2,
    Lz4 = 3,
    Zstd = 4,
}
