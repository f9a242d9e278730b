using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JudicialPhase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JudicialFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Route = table.Column<int>(type: "integer", nullable: true),
                    RouteChosenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RouteChosenBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Nature = table.Column<int>(type: "integer", nullable: true),
                    CourtKind = table.Column<int>(type: "integer", nullable: true),
                    CourtName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Insolvency = table.Column<int>(type: "integer", nullable: true),
                    InsolvencyOpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DebtorCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledCourt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OrderOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OrderOutcome = table.Column<int>(type: "integer", nullable: true),
                    OrderAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ServedToPerson = table.Column<bool>(type: "boolean", nullable: true),
                    ServiceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstActToPersonOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FreezingMeasureOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OppositionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IncreaseWaived = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudicialFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JudicialFiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JudicialFiles_CaseId",
                table: "JudicialFiles",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_JudicialFiles_TenantId_CaseId",
                table: "JudicialFiles",
                columns: new[] { "TenantId", "CaseId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JudicialFiles");
        }
    }
}
