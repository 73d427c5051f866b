namespace Tongban.Platform.Data.Migrations;

/// <summary>
/// Gives cases made before the action log existed the log they would have had: submitted; accepted and
/// approved by the rules when approved; a review request when she asked for one. Both providers run it.
/// </summary>
internal static class CaseLogBackfill
{
    /// <param name="emptyItems">An empty list in the provider's column type ('[]' as JSON text, '{}' as a PostgreSQL array).</param>
    public static IEnumerable<string> Statements(string emptyItems) =>
    [
        """UPDATE "Cases" SET "TimeLimitWorkingDays" = COALESCE((SELECT s."TimeLimitWorkingDays" FROM "Services" s WHERE s."Code" = "Cases"."ServiceCode"), 0)""",
        $"""
        INSERT INTO "CaseActions" ("CaseId", "Sequence", "Kind", "At", "ActorKind", "ActorId", "ActorName", "Channel", "ActingUnder", "Items")
        SELECT "Id", 1, 'Submitted', "SubmittedAt", "ActorKind", "ActorId", "ActorName", "Channel", "ActingUnder", {emptyItems} FROM "Cases"
        """,
        $"""
        INSERT INTO "CaseActions" ("CaseId", "Sequence", "Kind", "At", "ActorKind", "ActorName", "Channel", "Items")
        SELECT "Id", n, k, "DecidedAt", 'Rule', 'Published rules', 'System', {emptyItems}
        FROM "Cases" CROSS JOIN (SELECT 2 AS n, 'Accepted' AS k UNION ALL SELECT 3, 'Approved') steps
        WHERE "DecidedAt" IS NOT NULL
        """,
        """UPDATE "Cases" SET "Version" = CASE WHEN "DecidedAt" IS NULL THEN 1 ELSE 3 END""",
        $"""
        INSERT INTO "CaseActions" ("CaseId", "Sequence", "Kind", "At", "ActorKind", "ActorId", "Channel", "Items")
        SELECT "Id", "Version" + 1, 'ReviewRequested', "ReviewRequestedAt", 'Resident', "ResidentId", 'Online', {emptyItems}
        FROM "Cases" WHERE "ReviewRequestedAt" IS NOT NULL
        """,
        """UPDATE "Cases" SET "Version" = "Version" + 1 WHERE "ReviewRequestedAt" IS NOT NULL""",
    ];
}
