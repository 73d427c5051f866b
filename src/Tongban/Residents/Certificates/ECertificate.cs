namespace Tongban.Residents.Certificates;

/// <summary>
/// An electronic certificate (电子证照) the city holds about a person: issued by a department, a hospital or
/// Tongban itself, and found by its kind and the holder's ID number. A form accepts it in place of an upload.
/// </summary>
public sealed class ECertificate
{
    /// <summary>The kind that says its holder has died: nothing is offered to her any more.</summary>
    public const string DeathCertificate = "death-certificate";

    public Guid Id { get; set; }

    /// <summary>The catalogue's name for the kind: "death-certificate", "household-register", …</summary>
    public required string Kind { get; set; }

    /// <summary>The resident ID number of the person it is about (the deceased, for a death certificate).</summary>
    public required string HolderIdNumber { get; set; }

    /// <summary>
    /// The other person it names, by ID number, when there is one: a parent on a birth certificate, the next of kin who
    /// reported a death. An entitlement it occasions is offered to this person, else to the holder.
    /// </summary>
    public string? NamedIdNumber { get; set; }

    public required string Number { get; set; }
    public required string IssuedBy { get; set; }
    public DateOnly IssuedOn { get; set; }

    /// <summary>Withdrawn by its issuer: no longer stands in for anything.</summary>
    public bool Revoked { get; set; }
}
