using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

/// <summary>A theme residents browse by (family, work, housing...), independent of which department serves it.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
}
