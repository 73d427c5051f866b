using Tongban.Platform.Jobs;

namespace Tongban.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddScoped<NotifyResident>()
        .AddScoped<ResendNotification>()
        .AddScoped<IJobHandler, DeliverNotification>();
}
