using Microsoft.AspNetCore.Authorization;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;
using Tongban.Residents.Profile;

namespace Tongban.Residents.Pages;

/// <summary><c>/me/profile</c>: the resident sees and corrects her details. A proxy acting for her is refused (only she can change them).</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MeProfileModel(AppDbContext db, ResidentAccessPolicy policy, UpdateProfile update, CatalogueStore catalogue, ActingFor acting)
    : ProfileEditPageModel(db, policy, update, catalogue)
{
    protected override Task<Guid> SubjectId() => acting.SubjectId(HttpContext);

    protected override string DoneUrl(Guid residentId) => "/me?saved=true";
}
