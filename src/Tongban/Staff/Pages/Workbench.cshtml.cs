using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalogue;
using Tongban.Platform.Auth;

namespace Tongban.Staff.Pages;

/// <summary><c>/staff</c>: the workbench home. Queues arrive with casework; for now, who you are and what you can do.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class WorkbenchModel(CatalogueStore catalogue) : PageModel
{
    public StaffRole? Role { get; private set; }
    public Department? Department { get; private set; }
    public ServiceHall? Hall { get; private set; }
    public bool CanAssist => Role is StaffRole.CounterClerk or StaffRole.HotlineAgent;

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        Role = User.Role();
        Department = snapshot.Department(User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value);
        Hall = snapshot.Hall(User.FindFirst(StaffPrincipal.HallClaim)?.Value);
    }
}
