namespace Tongban.Halls;

public static class HallsSetup
{
    public static IServiceCollection AddHalls(this IServiceCollection services) => services
        .AddSingleton<HallSlots>()
        .AddScoped<BookSlot>()
        .AddScoped<FreeSlots>()
        .AddScoped<CancelBooking>();
}
