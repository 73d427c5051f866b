using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

/// <summary>A physical hall with counters (政务服务中心).</summary>
public sealed class ServiceHall
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int DistrictId { get; set; }
    public District? District { get; set; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Address { get; set; }
    public required LocalizedText OpeningHours { get; set; }
    public required string Phone { get; set; }
    public bool StepFree { get; set; }
    public bool HearingLoop { get; set; }

    /// <summary>A priority counter for the elderly, disabled and pregnant (绿色通道).</summary>
    public bool PriorityCounter { get; set; }

    /// <summary>How it takes appointments; null when it takes none (walk in only).</summary>
    public HallCapacity? Capacity { get; set; }
}
