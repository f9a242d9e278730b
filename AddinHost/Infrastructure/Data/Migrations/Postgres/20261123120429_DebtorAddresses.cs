using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DebtorAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DebtorAddresses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DebtorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebtorAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebtorAddresses_Debtors_DebtorId",
                        column: x => x.DebtorId,
                        principalTable: "Debtors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DebtorAddresses_DebtorId",
                table: "DebtorAddresses",
                column: "DebtorId");

            migrationBuilder.CreateIndex(
                name: "IX_DebtorAddresses_TenantId_Address",
                table: "DebtorAddresses",
                columns: new[] { "TenantId", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DebtorAddresses");
        }
    }
}
