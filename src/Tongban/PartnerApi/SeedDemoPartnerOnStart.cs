using OpenIddict.Abstractions;

namespace Tongban.PartnerApi;

/// <summary>
/// In Development, the demo super-app is registered for the open API (after migrations, which start first), with the
/// secret and return address that docs/partner-api.md uses, so a partner's developer can follow the guide with curl.
/// </summary>
internal sealed class SeedDemoPartnerOnStart(IServiceScopeFactory scopes) : IHostedService
{
    public const string ClientId = "demo-superapp";
    public const string ClientSecret = "development-only-partner-secret";
    public const string RedirectUri = "http://localhost:8765/callback";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(ClientId, cancellationToken) is not null)
        {
            return;
        }

        var registration = new PartnerRegistration(ClientId, "深i城（演示超级应用）", "Shen-i City (demo super-app)", "partners@example.org", [RedirectUri], PartnerScopes.All, 600);
        try
        {
            await scope.ServiceProvider.GetRequiredService<RegisterPartner>().Handle(registration, cancellationToken, ClientSecret);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another node starting on the same database registered it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
