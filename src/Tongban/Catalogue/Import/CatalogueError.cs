namespace Tongban.Catalogue.Import;

/// <summary>One problem in the catalogue, precise enough for the person editing the JSON to find it.</summary>
public sealed record CatalogueError(string File, string Item, string Field, string Message)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Item) ? $"{File}: {Field}: {Message}" : $"{File}: {Item}: {Field}: {Message}";
}

public sealed class CatalogueInvalidException(IReadOnlyList<CatalogueError> errors)
    : Exception($"The catalogue has {errors.Count} problem(s) and was not imported:{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}
