using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban;

/// <summary>The partners registered for the open API, as a set of the one database context (see CasesData).</summary>
public static class PartnerApiData
{
    extension(AppDbContext db)
    {
        public DbSet<PartnerApi.ApiPartner> ApiPartners => db.Set<PartnerApi.ApiPartner>();
        public DbSet<PartnerApi.PartnerRequestWindow> PartnerRequestWindows => db.Set<PartnerApi.PartnerRequestWindow>();
        public DbSet<PartnerApi.Webhooks.WebhookSubscription> WebhookSubscriptions => db.Set<PartnerApi.Webhooks.WebhookSubscription>();
        public DbSet<PartnerApi.Webhooks.WebhookDelivery> WebhookDeliveries => db.Set<PartnerApi.Webhooks.WebhookDelivery>();
    }
}
