using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReapplyRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reapply",
                table: "Services",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "AfterClosed");

            migrationBuilder.AddColumn<int>(
                name: "ReapplyAfterDays",
                table: "Services",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reapply",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ReapplyAfterDays",
                table: "Services");
        }
    }
}
