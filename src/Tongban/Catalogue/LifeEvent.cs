using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

/// <summary>A bundle of services for one life situation (一件事一次办).</summary>
public sealed class LifeEvent
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Summary { get; set; }

    /// <summary>Service codes in the order a resident meets them.</summary>
    public List<string> ServiceCodes { get; set; } = [];

    /// <summary>How residents say it, from catalogue/synonyms, for search.</summary>
    public List<string> LayTerms { get; set; } = [];
}
