using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Platform.Web;

/// <summary>
/// The page shown for unknown addresses and unexpected failures, in the visitor's language. When the
/// failed request was a program's (an API path), it answers with problem details instead.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public bool IsNotFound { get; private set; }

    /// <summary>The request itself could not be read (400, 413, 415): trying again the same way will not help.</summary>
    public bool IsBadRequest { get; private set; }

    /// <summary>The database could not be reached (down, restarting, every connection busy): it will pass.</summary>
    public bool IsUnavailable { get; private set; }

    public async Task<IActionResult> OnGet(int? code)
    {
        IsUnavailable = code is null && Data.DatabaseAway.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        var status = IsUnavailable ? StatusCodes.Status503ServiceUnavailable : code ?? StatusCodes.Status500InternalServerError;
        if (IsUnavailable)
        {
            HttpContext.Response.StatusCode = status;
            HttpContext.Response.Headers.RetryAfter = "60";
        }

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // The original path is already decoded: read it as it is (a string would be decoded again, and "%2500" become a NUL).
        if (originalPath is not null && ApiPaths.IsApi(new PathString(originalPath)))
        {
            HttpContext.Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = status } });
            return new EmptyResult();
        }

        IsNotFound = status == StatusCodes.Status404NotFound;
        IsBadRequest = status is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType;
        return Page();
    }

    public Task<IActionResult> OnPost(int? code) => OnGet(code);

    // Re-executed with the failed request's method: an API's PUT or DELETE gets its problem too, not a bare page.
    public Task<IActionResult> OnPut(int? code) => OnGet(code);

    public Task<IActionResult> OnDelete(int? code) => OnGet(code);

    public Task<IActionResult> OnPatch(int? code) => OnGet(code);
}
