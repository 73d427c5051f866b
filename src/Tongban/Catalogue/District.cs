using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

public sealed class District
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }

    /// <summary>Resident population at the 2020 census; the denominator for reach and inclusion figures.</summary>
    public int Population { get; set; }

    public List<ServiceHall> Halls { get; set; } = [];
}
