using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InsightCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Period = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Group = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false),
                    Applicants = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    OnlineCases = table.Column<int>(type: "integer", nullable: false),
                    AssistedCases = table.Column<int>(type: "integer", nullable: false),
                    DraftsStarted = table.Column<int>(type: "integer", nullable: false),
                    DraftsSubmitted = table.Column<int>(type: "integer", nullable: false),
                    Abandoned = table.Column<int>(type: "integer", nullable: false),
                    Decided = table.Column<int>(type: "integer", nullable: false),
                    Approved = table.Column<int>(type: "integer", nullable: false),
                    DecisionWorkingDays = table.Column<long>(type: "bigint", nullable: false),
                    Breached = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
