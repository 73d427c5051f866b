namespace Tongban.Tests.Infrastructure;

/// <summary>The checkout the tests were built from, wherever it is: the folder above the test binaries that holds Tongban.slnx.</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tongban.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tongban.slnx not found above the test binaries.");
    }
}
