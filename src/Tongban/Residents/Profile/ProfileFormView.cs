using Tongban.Catalogue;
using Tongban.Platform.Web;

namespace Tongban.Residents.Profile;

/// <summary>
/// What the profile form partial needs: the answers as typed, the problems, the lists to choose from, and how her ID
/// number was proven (then it is shown, not asked: only a service hall changes it).
/// </summary>
public sealed record ProfileFormView(ProfileInput Input, IReadOnlyList<FieldError> Errors, IReadOnlyList<District> Districts, bool HasMobile, IdNumberProof? IdProof = null)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
