using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Cases;

namespace Tongban.Applications.Reapplying;

/// <summary>Why she cannot apply for a service now, in her words, naming the earlier application (and, for a period, from when she can).</summary>
public static class BlockedText
{
    public static string Of(Blocked blocked, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        ArgumentNullException.ThrowIfNull(t);
        var reference = CaseReference.Display(blocked.Because.Reference);
        return blocked.Block switch
        {
            ReapplyBlock.Pending => t["An application for this is already being handled (reference {0}). You can follow it in your account.", reference],
            ReapplyBlock.AlreadyGranted => t["This is granted once, and it was granted to you already (reference {0}).", reference],
            _ => t["This was granted to you (reference {0}). You can apply again from {1}.", reference, blocked.From!.Value.ToString("D", CultureInfo.CurrentCulture)],
        };
    }
}
