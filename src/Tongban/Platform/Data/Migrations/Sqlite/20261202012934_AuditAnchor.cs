using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditAnchorChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnchorChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditTreeHeads",
                columns: table => new
                {
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Root = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTreeHeads", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "AuditTreeNodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
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
