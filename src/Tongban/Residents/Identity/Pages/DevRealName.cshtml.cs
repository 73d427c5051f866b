using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Residents.Identity.Pages;

/// <summary>
/// <c>/dev/real-name</c>: the development real-name register, to add the demo people it should know. Outside
/// Development, or with a real service configured, it is not found.
/// </summary>
public sealed class DevRealNameModel(IServiceProvider services, IHostEnvironment environment) : PageModel
{
    public IReadOnlyCollection<RealNameRecord> People { get; private set; } = [];
    public bool Refused { get; private set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost()
    {
        if (Register() is { } register)
        {
            Refused = !register.Add(IdNumber ?? "", FullName ?? "", Mobile ?? "");
        }

        return Show();
    }

    private DevelopmentRealNameRegister? Register() =>
        environment.IsDevelopment() ? services.GetService<DevelopmentRealNameRegister>() : null;

    private IActionResult Show()
    {
        if (Register() is not { } register)
        {
            return NotFound();
        }

        People = register.People;
        return Page();
    }
}
