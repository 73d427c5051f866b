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
        // servers anywhere. No cookies: each message stands alone. Public addresses only, unless told otherwise.
        services.AddHttpClient(DeliverWebhook.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(5) };
            if (!sp.GetRequiredService<IConfiguration>().GetValue<bool>("Partners:Webhooks:AllowLocal"))
            {
                handler.ConnectCallback = WebhookAddress.PublicOnly;
            }

            return handler;
        });
        return services;
    }
}
