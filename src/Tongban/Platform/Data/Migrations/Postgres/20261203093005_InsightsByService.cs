using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightsByService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InsightCells_Period_Dimension_Department_Group",
                table: "InsightCells");

            migrationBuilder.AddColumn<string>(
                name: "Service",
                table: "InsightCells",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightCells_Period_Dimension_Department_Service_Group",
                table: "InsightCells",
                columns: new[] { "Period", "Dimension", "Department", "Service", "Group" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InsightCells_Period_Dimension_Department_Service_Group",
                table: "InsightCells");

            migrationBuilder.DropColumn(
                name: "Service",
                table: "InsightCells");

            migrationBuilder.CreateIndex(
                name: "IX_InsightCells_Period_Dimension_Department_Group",
                table: "InsightCells",
                columns: new[] { "Period", "Dimension", "Department", "Group" });
        }
    }
}
