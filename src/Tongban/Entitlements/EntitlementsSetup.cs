using Tongban.Platform.Jobs;

namespace Tongban.Entitlements;

public static class EntitlementsSetup
{
    public static IServiceCollection AddEntitlements(this IServiceCollection services)
    {
        services.AddScoped<InviteToOffer>();
        services.AddScoped<GrantOffer>();
        services.AddScoped<OfferEntitlement>();
        services.AddScoped<FollowUpOffers>();
        services.AddScoped<AnswerOffer>();
        services.AddScoped<ReplyBySms>();
        services.AddScoped<Platform.Sms.ISmsReplyHandler>(sp => sp.GetRequiredService<ReplyBySms>());
        services.AddScoped<Outreach.OutreachList>();
        services.AddScoped<Outreach.RecordContact>();
        services.AddScoped<FindEntitlements>();
        services.AddScoped<Residents.Identity.IIdNumberProvenReaction, OfferWhenProven>();
        services.AddScoped<Notifications.Letters.ILetterReturned, WhenInvitationReturned>();
        services.AddScoped<IJobHandler>(sp => sp.GetRequiredService<FindEntitlements>());
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<FindEntitlements>());
        return services;
    }
}
