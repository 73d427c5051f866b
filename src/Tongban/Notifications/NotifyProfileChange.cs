using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;
using Tongban.Residents.Profile;

namespace Tongban.Notifications;

/// <summary>
/// Tells her when a clerk or a family member changed her details: who, what, and what to do if she did not ask for it,
/// at the contact she had before the change, so that a changed number or address cannot hide it from her.
/// </summary>
public sealed class NotifyProfileChange(IStringLocalizer<SharedResource> t, WriteNotification write, TimeProvider clock) : IProfileChangeReaction
{
    public Task Follow(ProfileChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var language = change.After.PreferredLanguage ?? change.Before.PreferredLanguage;
        var (subject, text) = ResidentLanguage.Write(language, culture =>
        (
            t["Tongban: your details were changed"].Value,
            t["Notice.ProfileChanged", change.By.Name, Listing.Join(change.Fields.Select(f => t[f].Value), culture)].Value));
        write.Handle(change.Before, null, $"profile:{change.After.Id:N}:{clock.GetUtcNow().UtcTicks}", subject, text);
        return Task.CompletedTask;
    }
}
