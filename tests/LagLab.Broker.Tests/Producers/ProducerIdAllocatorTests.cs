using LagLab.Broker.Producers;
using LagLab.Broker.Tests.Storage;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Producers;

public sealed class ProducerIdAllocatorTests
{
    [Fact]
    public void Allocate_InMemory_CountsFromZero()
    {
        var allocator = new ProducerIdAllocator(null);

        Assert.Equal([0L, 1L, 2L], new[] { allocator.Allocate(), allocator.Allocate(), allocator.Allocate() });
    }

    [Fact]
    public void Allocate_AfterRestartOnSameDirectory_NeverRepeatsAnId()
    {
        using var directory = new TemporaryDirectory();
        var first = new ProducerIdAllocator(directory.Path);
        var before = Enumerable.Range(0, 5).Select(_ => first.Allocate()).ToList();

        var second = new ProducerIdAllocator(directory.Path);
        var after = second.Allocate();

        Assert.True(after > before.Max(), $"{after} must be above {before.Max()}");
    }

    [Fact]
    public void EnsureAbove_IdSeenInLog_NextIdIsHigher()
    {
        var allocator = new ProducerIdAllocator(null);

        allocator.EnsureAbove(500);

        Assert.Equal(501, allocator.Allocate());
    }

    [Fact]
    public void Constructor_GarbageFile_FailsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, ProducerIdAllocator.FileName), "nonsense");

        var error = Assert.Throws<InvalidDataException>(() => new ProducerIdAllocator(directory.Path));

        Assert.Contains(ProducerIdAllocator.FileName, error.Message);
    }
}
