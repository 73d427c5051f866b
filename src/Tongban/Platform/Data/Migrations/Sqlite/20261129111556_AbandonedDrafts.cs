using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbandonedDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AbandonedAt",
                table: "Drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_UpdatedAt",
                table: "Drafts",
                column: "UpdatedAt",
                filter: "\"SubmittedAt\" IS NULL AND \"AbandonedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Drafts_UpdatedAt",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "AbandonedAt",
                table: "Drafts");
        }
    }
}
