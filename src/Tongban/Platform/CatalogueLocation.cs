namespace Tongban.Platform;

/// <summary>Where the catalogue folder (reviewed city data) is read from: <c>Catalogue:Path</c>, else the copy shipped beside the app.</summary>
public static class CatalogueLocation
{
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Catalogue:Path"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "catalogue")
            : Path.GetFullPath(configured);
    }
}
