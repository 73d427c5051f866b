using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RatingRightsAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Services already stored get the default limits until the next import sets each service's own.
            migrationBuilder.AddColumn<int>(
                name: "Rectification_Complex",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "Rectification_Contact",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Rectification_Simple",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<bool>(
                name: "MayRate",
                table: "Delegations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rectification_Complex",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Rectification_Contact",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Rectification_Simple",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "MayRate",
                table: "Delegations");
        }
    }
}
