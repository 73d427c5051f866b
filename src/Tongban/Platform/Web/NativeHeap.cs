using System.Runtime.InteropServices;

namespace Tongban.Platform.Web;

/// <summary>
/// The C library's heap, where OpenSSL, SQLite and the runtime allocate outside the garbage collector. glibc keeps
/// what they free for their next allocation; <c>malloc_trim</c> returns the free pages to the system.
/// </summary>
internal static class NativeHeap
{
    /// <summary>Gives the free native heap back to the system, on glibc; elsewhere (musl, Windows, macOS) does nothing.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without it (musl), or by another name.
        }
    }

    // DllImport rather than LibraryImport, which needs unsafe code for nothing here: one integer each way.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
