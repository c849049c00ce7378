using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Traffic;

namespace LagLab.LoadTest.Sampling;

/// <summary>Everything the samplers read during a run. The monitor and the fleet may be absent (external fleet, monitor that failed).</summary>
internal sealed record SamplingSources(
    ClusterSampler Cluster,
    BankProcess Bank,
    MonitorProcess? Monitor,
    PipelineFleet? Fleet,
    ProducedLog Produced,
    long[] BaselineEnd);
