using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalogue;
using Tongban.Halls.Queue;

namespace Tongban.Halls.Pages;

/// <summary>
/// <c>/halls/{code}/queue</c>: the hall's display, for a TV in the waiting room: the tickets called and to which counter,
/// how many wait, and the order tickets are called in. Correct as served; where JavaScript runs it replaces the board
/// every few seconds (<c>?handler=Board</c>), otherwise the page reloads itself.
/// </summary>
[AllowAnonymous]
public sealed class HallQueueModel(CatalogueStore catalogue, QueueBoard board) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public QueueBoardView Board { get; private set; } = null!;

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken) ? Page() : NotFound();

    /// <summary>The board alone, for the script that refreshes it.</summary>
    public async Task<IActionResult> OnGetBoard(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken) ? Partial("_QueueBoard", this) : NotFound();

    public string ServiceName(string serviceCode) => Catalogue.Service(serviceCode)?.Name.Current ?? serviceCode;

    private async Task<bool> Load(string code, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        if (Catalogue.Hall(code) is not { Capacity: not null } hall)
        {
            return false;
        }

        Hall = hall;
        Board = await board.Handle(code, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
