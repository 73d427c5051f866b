using Tongban.Cases.Log;
using Tongban.Platform.Jobs;

namespace Tongban.PartnerApi.Webhooks;

public static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddScoped<ICaseChangeReaction, QueueWebhook>();
        services.AddScoped<IJobHandler, DeliverWebhook>();
        services.AddScoped<SubscribeWebhook>();
        services.AddScoped<RotateWebhookSecret>();
        services.AddScoped<ReplayWebhook>();
        // A redirect is a failed delivery (Standard Webhooks): following one would let an address lead the city's
        // servers anywhere. No cookies: each message stands alone.
        services.AddHttpClient(DeliverWebhook.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        return services;
    }
}
