using Tongban.Catalogue.Import;
using Tongban.Catalogue.Search;
using Tongban.Platform;

namespace Tongban.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ImportCatalogue>();
        services.AddSingleton<Pages.GovernmentServiceJsonLd>();
        services.AddSingleton<CatalogueStore>();
        services.AddScoped<SearchCatalogue>();
        services.AddScoped<Hsds.HsdsMapping>();
        if (configuration.GetValue("Catalogue:ImportOnStart", true))
        {
            services.AddHostedService<ImportCatalogueOnStart>();
        }

        return services;
    }
}

/// <summary>
/// Imports the shipped catalogue at start-up, after migrations, and loads it (with its search index) into memory. A catalogue that fails validation stops
/// the start: a node must not serve a city whose data was refused (docs/adr/0003-catalogue-as-data.md).
/// </summary>
internal sealed class ImportCatalogueOnStart(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportCatalogue>().Handle(CatalogueLocation.Resolve(configuration), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CatalogueStore>().Current(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
