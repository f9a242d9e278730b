using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalCorrectness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Category",
                table: "Creditors",
                newName: "Quality");

            // Category was Particulier (0) / Autre (1); Quality is Professionnel (0) / Consommateur (1) / NonProfessionnel (2).
            migrationBuilder.Sql(@"UPDATE Creditors SET Quality = 1 - Quality");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceNumbers",
                table: "GeneratedLetters",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "DeadlineDays",
                table: "Dispatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToCounsel",
                table: "Dispatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ContactConsentEvidence",
                table: "Creditors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContactConsentOn",
                table: "Creditors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactConsentEvidence",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContactConsentOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounselAddress",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounselCity",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounselEmail",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounselName",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CounselPostalCode",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CourtCity",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourtKind",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeAgreementExemption",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeeAgreementOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeAgreementReference",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceNumbers",
                table: "CaseEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "StepName",
                table: "CaseEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediatorAddress",
                table: "Cabinets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediatorEmail",
                table: "Cabinets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediatorName",
                table: "Cabinets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediatorWebsite",
                table: "Cabinets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceIds",
                table: "Acknowledgements",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "InvoiceNumbers",
                table: "GeneratedLetters");

            migrationBuilder.DropColumn(
                name: "DeadlineDays",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "ToCounsel",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "ContactConsentEvidence",
                table: "Creditors");

            migrationBuilder.DropColumn(
                name: "ContactConsentOn",
                table: "Creditors");

            migrationBuilder.DropColumn(
                name: "ContactConsentEvidence",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ContactConsentOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CounselAddress",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CounselCity",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CounselEmail",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CounselName",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CounselPostalCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CourtCity",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CourtKind",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeeAgreementExemption",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeeAgreementOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeeAgreementReference",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InvoiceNumbers",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "StepName",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "MediatorAddress",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "MediatorEmail",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "MediatorName",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "MediatorWebsite",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "InvoiceIds",
                table: "Acknowledgements");

            migrationBuilder.RenameColumn(
                name: "Quality",
                table: "Creditors",
                newName: "Category");

            migrationBuilder.Sql(@"UPDATE Creditors SET Category = CASE WHEN Category = 1 THEN 0 ELSE 1 END");
        }
    }
}
