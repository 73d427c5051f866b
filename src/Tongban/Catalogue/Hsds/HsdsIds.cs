using System.Security.Cryptography;
using System.Text;

namespace Tongban.Catalogue.Hsds;

/// <summary>
/// HSDS wants UUIDs. Ours are name-based (RFC 4122 version 5) from the item's stable code, so the same
/// service has the same id on every node and after every re-import, without storing it.
/// </summary>
public static class HsdsIds
{
    private static readonly Guid Namespace = new("5b7c8f0e-3c1a-4e0b-9d61-7d3a2f6c0a11");

    public static Guid For(string kind, string code)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}:{code}");
        var ns = Namespace.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + name.Length];
        ns.CopyTo(input, 0);
        name.CopyTo(input, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5; nothing here is secret.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Service(string code) => For("service", code).ToString();
}
