using System.Data.Common;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;

namespace Tongban.Platform.Data;

/// <summary>
/// A failure to reach the database (down, restarting, every connection busy) rather than a fault of the request or of
/// the code: it passes by itself, so residents are told to come back in a few minutes (503), not that something broke.
/// </summary>
public static class DatabaseAway
{
    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Fails the request, after authentication, when checking her cookie found the database away. The check itself
    /// cannot fail the request: ASP.NET Core keeps its outcome for the request, and the error page would fail on it too.
    /// </summary>
    public static IApplicationBuilder UseDatabaseAwayAfterAuthentication(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Features.Get<Noticed>() is { } away && http.Features.Get<IExceptionHandlerFeature>() is null)
            {
                away.Error.Throw();
            }

            await next(http);
        });

    /// <summary>Notes, for <see cref="UseDatabaseAwayAfterAuthentication"/>, that the database was found away.</summary>
    public static void Notice(HttpContext http, Exception error)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Set(new Noticed(ExceptionDispatchInfo.Capture(error)));
    }

    private sealed record Noticed(ExceptionDispatchInfo Error);
}
