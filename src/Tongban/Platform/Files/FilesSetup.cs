namespace Tongban.Platform.Files;

public static class FilesSetup
{
    /// <summary>Uploads larger than this are refused with a message; the request limit is a little higher so the message can be given.</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public const long MaxRequestBytes = 20 * 1024 * 1024;

    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["Files:Path"] is { Length: > 0 } configured ? configured : Path.Combine(contentRoot, "data", "uploads");
        services.AddSingleton<IFileStore>(new FileSystemFileStore(folder));
        services.AddSingleton<IFileScanner, EicarTestScanner>();
        return services;
    }
}
