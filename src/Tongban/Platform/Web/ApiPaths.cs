namespace Tongban.Platform.Web;

/// <summary>Paths whose callers are programs: their errors are RFC 9457 problem details, not pages.</summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/hsds") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api") || path.StartsWithSegments("/transparency");
}
