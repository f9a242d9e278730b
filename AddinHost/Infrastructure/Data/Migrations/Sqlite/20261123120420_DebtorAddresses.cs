using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DebtorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
