using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public required string Phone { get; set; }
    public List<Service> Services { get; set; } = [];
}
