using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAnchor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LogIndex",
                table: "AuditRecords",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditAnchorChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnchorChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditTreeHeads",
                columns: table => new
                {
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTreeHeads", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "AuditTreeNodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTreeNodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_LogIndex",
                table: "AuditRecords",
                column: "LogIndex",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditAnchorChecks");

            migrationBuilder.DropTable(
                name: "AuditTreeHeads");

            migrationBuilder.DropTable(
                name: "AuditTreeNodes");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_LogIndex",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "LogIndex",
                table: "AuditRecords");
        }
    }
}
