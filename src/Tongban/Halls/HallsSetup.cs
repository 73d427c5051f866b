using Tongban.Platform.Jobs;

namespace Tongban.Halls;

public static class HallsSetup
{
    public static IServiceCollection AddHalls(this IServiceCollection services) => services
        .AddSingleton<HallSlots>()
        .AddScoped<BookSlot>()
        .AddScoped<FreeSlots>()
        .AddScoped<CancelBooking>()
        .AddScoped<Closures.CloseHallOrCounter>()
        .AddScoped<Queue.IssueTicket>()
        .AddScoped<Queue.CallNextTicket>()
        .AddScoped<Queue.QueueBoard>()
        .AddScoped<Queue.QueueWaits>()
        .AddScoped<Insights.IInsightSource, Queue.HallVisitsForInsights>()
        .AddScoped<IJobHandler, Queue.ReleaseNoShow>()
        .AddScoped<IJobHandler, RemindOfBooking>();
}
