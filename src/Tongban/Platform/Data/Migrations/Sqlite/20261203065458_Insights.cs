using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LocalHukou",
                table: "Residents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InsightCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    Applicants = table.Column<int>(type: "INTEGER", nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineCases = table.Column<int>(type: "INTEGER", nullable: false),
                    AssistedCases = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftsStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftsSubmitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<int>(type: "INTEGER", nullable: false),
                    Decided = table.Column<int>(type: "INTEGER", nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionWorkingDays = table.Column<long>(type: "INTEGER", nullable: false),
                    Breached = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightCells", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsightCells_Period_Dimension_Department_Group",
                table: "InsightCells",
                columns: new[] { "Period", "Dimension", "Department", "Group" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightCells");

            migrationBuilder.DropColumn(
                name: "LocalHukou",
                table: "Residents");
        }
    }
}
