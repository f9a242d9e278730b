using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnboardedTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OnboardedTenants",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnboardedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OnboardedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnboardedTenants", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OnboardedTenants");
        }
    }
}
