namespace Tongban.Platform.Files;

/// <summary>
/// The hook for a virus scanner. Production plugs in the city's scanner (for example ClamAV through its
/// daemon); the default here refuses the industry-standard EICAR test file, so that the hook is proven
/// end to end without shipping a virus engine.
/// </summary>
public interface IFileScanner
{
    /// <returns>True when the content may be kept.</returns>
    Task<bool> IsClean(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

public sealed class EicarTestScanner : IFileScanner
{
    // Assembled at run time, so that this source file is not itself flagged by scanners.
    private static readonly byte[] Signature = System.Text.Encoding.ASCII.GetBytes(string.Concat(
        "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));

    public Task<bool> IsClean(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(content.Span.IndexOf(Signature) < 0);
}
