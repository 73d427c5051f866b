using Tongban.Platform.Data;

namespace Tongban.Platform.Files;

public static class FilesSetup
{
    /// <summary>Uploads larger than this are refused with a message; the request limit is a little higher so the message can be given.</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public const long MaxRequestBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The file store (<c>Files:Store</c>: <c>folder</c>, or <c>database</c> for several nodes), and ClamAV's daemon as the scanner when <c>Files:Clamd:Socket</c> or <c>Files:Clamd:Host</c> is
    /// set. Without one: in Development the EICAR-only test scanner; elsewhere the start fails, unless
    /// <c>Files:Clamd:Disabled</c> is true (an operator who scans elsewhere, said explicitly).
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // Several nodes share nothing but the database (PostgreSQL), so there the uploads go into it by default.
        var onPostgres = DatabaseSetup.ProviderOf(configuration) == DatabaseSetup.Postgres;
        switch (configuration["Files:Store"]?.Trim().ToLowerInvariant() ?? (onPostgres ? "database" : "folder"))
        {
            case "database":
                services.AddSingleton<IFileStore, DatabaseFileStore>();
                break;
            case "folder":
                var folder = configuration["Files:Path"] is { Length: > 0 } configured ? configured : Path.Combine(environment.ContentRootPath, "data", "uploads");
                services.AddSingleton<IFileStore>(new FileSystemFileStore(folder));
                break;
            case var other:
                throw new InvalidOperationException($"Files:Store '{other}' is not known; use 'database' or 'folder'.");
        }

        services.AddScoped<KeepUpload>();
        var clamd = configuration.GetSection("Files:Clamd");
        if (!string.IsNullOrWhiteSpace(clamd["Socket"]) || !string.IsNullOrWhiteSpace(clamd["Host"]))
        {
            services.Configure<ClamdOptions>(clamd);
            services.AddSingleton<IFileScanner, ClamdScanner>();
        }
        else if (environment.IsDevelopment() || clamd.GetValue("Disabled", false))
        {
            services.AddSingleton<IFileScanner, EicarTestScanner>();
        }
        else
        {
            throw new InvalidOperationException("No virus scanner: set Files:Clamd:Socket (or Files:Clamd:Host and Port) to ClamAV's daemon, or Files:Clamd:Disabled=true if uploads are scanned elsewhere (docs/operations.md).");
        }

        return services;
    }
}
