using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvenIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Purpose",
                table: "SignInCodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedIdNumber",
                table: "Residents",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberProof",
                table: "Residents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IdNumberVerifiedAt",
                table: "Residents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnconfirmedMobileNumber",
                table: "Residents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IdentityDisputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimantProof = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResolvedFor = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityDisputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyLocks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyLocks", x => x.Key);
                });

            foreach (var statement in ProvenIdentityBackfill.Statements())
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateIndex(
                name: "IX_IdentityDisputes_IdNumber_ClaimantId_ResolvedAt",
                table: "IdentityDisputes",
                columns: new[] { "IdNumber", "ClaimantId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityDisputes_ResolvedAt",
                table: "IdentityDisputes",
                column: "ResolvedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityDisputes");

            migrationBuilder.DropTable(
                name: "KeyLocks");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "SignInCodes");

            migrationBuilder.DropColumn(
                name: "ClaimedIdNumber",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumberProof",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumberVerifiedAt",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "UnconfirmedMobileNumber",
                table: "Residents");
        }
    }
}
