using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Platform.Web;

/// <summary>The page shown for unknown addresses and unexpected failures, in the visitor's language.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    public void OnGet(int? code) => IsNotFound = code == StatusCodes.Status404NotFound;

    public void OnPost(int? code) => OnGet(code);
}
