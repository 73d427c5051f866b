using Microsoft.AspNetCore.Authorization;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Profile;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>/staff/residents/{id}/profile</c>: the clerk corrects the details of the resident she is helping.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class AssistedProfileModel(AppDbContext db, ResidentAccessPolicy policy, UpdateProfile update, CatalogueStore catalogue)
    : ProfileEditPageModel(db, policy, update, catalogue)
{
    protected override Task<Guid> SubjectId() =>
        Task.FromResult(Guid.TryParse(RouteData.Values["residentId"]?.ToString(), out var id) ? id : Guid.Empty);

    protected override string DoneUrl(Guid residentId) => $"/staff/residents/{residentId}";
}
