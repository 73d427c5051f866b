using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;

namespace Tongban.PartnerApi.Pages;

/// <summary><c>/me/partners</c>: the partner apps she lets act for her, what each may do and when it last did; she ends any at once. Only she sees it.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MyPartnersModel(ListPartnerAccess list, WithdrawPartnerAccess withdraw) : PageModel
{
    public IReadOnlyList<PartnerAccess> Accesses { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGet(CancellationToken cancellationToken) => Accesses = await list.Handle(User.Id()!.Value, cancellationToken);

    public async Task<IActionResult> OnPostWithdraw(string? id, string? name, CancellationToken cancellationToken)
    {
        Message = await withdraw.Handle(User.Id()!.Value, id, cancellationToken) ? name : null;
        return RedirectToPage();
    }
}
