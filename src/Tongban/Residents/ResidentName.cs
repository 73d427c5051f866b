namespace Tongban.Residents;

/// <summary>How a resident is named to others (staff, proxies): her name, or else her masked mobile number.</summary>
public static class ResidentName
{
    public static string Of(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return resident.FullName ?? (resident.MobileNumber is { } mobile ? MobileNumber.Masked(mobile) : "—");
    }
}
