namespace Tongban.Platform.Data.Migrations;

/// <summary>
/// Before proofs existed, every ID number on a profile was only typed. Those become claims that grant nothing;
/// only residents a clerk registered from the card she saw (or from a posted form with its copy) keep theirs as
/// proven. Mobile numbers clerks typed were never confirmed by a code: they stop signing in until one is read
/// back (docs/adr/0016). A clerk's registration is recognised by its assisted session, which starts at the very
/// instant the resident is created. Both providers run it.
/// </summary>
internal static class ProvenIdentityBackfill
{
    private const string RegisteredBy = """
        FROM "AssistedSessions" s WHERE s."ResidentId" = "Residents"."Id" AND s."StartedAt" = "Residents"."CreatedAt"
        """;

    public static IEnumerable<string> Statements() =>
    [
        $"""
        UPDATE "Residents" SET "IdNumberProof" = (SELECT CASE WHEN s."Channel" = 'Post' THEN 'CardCopyByPost' ELSE 'ClerkSawCard' END {RegisteredBy}
            AND (s."Channel" = 'Counter' AND s."IdentityCheck" IN ('IdCardReader', 'IdCardInspected') OR s."Channel" = 'Post' AND s."IdentityCheck" = 'IdCardCopyEnclosed')),
            "IdNumberVerifiedAt" = "CreatedAt"
        WHERE "IdNumber" IS NOT NULL
        """,
        """UPDATE "Residents" SET "IdNumberVerifiedAt" = NULL WHERE "IdNumberProof" IS NULL""",
        """UPDATE "Residents" SET "ClaimedIdNumber" = "IdNumber", "IdNumber" = NULL WHERE "IdNumber" IS NOT NULL AND "IdNumberProof" IS NULL""",
        $"""
        UPDATE "Residents" SET "UnconfirmedMobileNumber" = "MobileNumber", "MobileNumber" = NULL
        WHERE "MobileNumber" IS NOT NULL AND EXISTS (SELECT 1 {RegisteredBy})
        """,
    ];
}
