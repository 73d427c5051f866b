using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Residents.Profile;

/// <summary>A signed-in resident who switches language keeps it on her profile: messages, letters and SMS follow her choice.</summary>
public sealed class RememberLanguage(AppDbContext db) : ILanguageChoice
{
    public async Task Chosen(HttpContext context, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.AuthenticationType == AuthSetup.ResidentScheme && context.User.Id() is { } residentId)
        {
            await db.Residents.Where(r => r.Id == residentId && r.PreferredLanguage != culture)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.PreferredLanguage, culture), cancellationToken);
        }
    }
}
