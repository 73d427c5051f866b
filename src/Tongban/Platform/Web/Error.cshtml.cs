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

    public async Task<IActionResult> OnGet(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && ApiPaths.IsApi(originalPath))
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
}
