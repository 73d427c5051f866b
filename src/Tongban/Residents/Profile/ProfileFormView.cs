using Tongban.Catalogue;

namespace Tongban.Residents.Profile;

/// <summary>What the profile form partial needs: the answers as typed, the problems, and the lists to choose from.</summary>
public sealed record ProfileFormView(ProfileInput Input, IReadOnlyList<(string Field, string Message)> Errors, IReadOnlyList<District> Districts, bool HasMobile)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;
}
