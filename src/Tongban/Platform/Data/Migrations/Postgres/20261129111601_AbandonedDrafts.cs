using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
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
