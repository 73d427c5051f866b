namespace Tongban.Residents;

/// <summary>A person the city serves. Created the first time she signs in; her profile grows from there.</summary>
public sealed class Resident
{
    public Guid Id { get; set; }

    /// <summary>E.164 mobile number; unique, since it is how she signs in.</summary>
    public required string MobileNumber { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignedInAt { get; set; }
}
