using Tongban.Cases;
using Tongban.Notifications.Letters;
using Tongban.Platform.Jobs;

namespace Tongban.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddSingleton<Platform.Telemetry.IOperationsFigure, PendingNotifications>()
        .AddScoped<WriteNotification>()
        .AddScoped<NotifyResident>()
        .AddScoped<Residents.Profile.IProfileChangeReaction, NotifyProfileChange>()
        .AddCaseChangeReaction<NotifyResident>()
        .AddScoped<ResendNotification>()
        .AddScoped<StartPrintBatch>()
        .AddScoped<PrintBatchLetters>()
        .AddScoped<MarkBatchPosted>()
        .AddScoped<MarkLetterReturned>()
        .AddScoped<IJobHandler, DeliverNotification>();
}
