using System.Net.Http.Headers;
using System.Text;

namespace AddinHost.Tests.Fixtures;

/// <summary>Import files written the way French accounting exports them.</summary>
public static class SampleFiles
{
    public const string CsvHeader =
        "Débiteur;SIREN;Email;Adresse;Code postal;Ville;Numéro facture;Date facture;Date échéance;Montant TTC;"
        + "Montant payé;Type";

    public static string Csv(params string[] rows) => string.Join("\r\n", [CsvHeader, .. rows]) + "\r\n";

    /// <summary>Two invoices of one company, one of a consumer; numbers are prefixed so tests never collide.</summary>
    public static string TypicalCsv(string prefix) => Csv(
        $"Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;38000;Grenoble;"
            + $"{prefix}-001;01/02/2025;03/03/2025;1 200,00;0,00;professionnel",
        $"Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;38000;Grenoble;"
            + $"{prefix}-002;15/03/2025;14/04/2025;2 400,50;400,50;professionnel",
        $"Mme Claire Dubois;;claire.dubois@courriel.example;17 rue des Filatiers;31000;Toulouse;"
            + $"{prefix}-003;10/01/2025;09/02/2025;960,00;0;consommateur");

    public static MultipartFormDataContent Form(string content, string fileName = "factures.csv",
        Guid? creditorId = null, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(content);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (creditorId is { } id)
            form.Add(new StringContent(id.ToString()), "creditorId");
        return form;
    }

    public const string FecHeader =
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
        + "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

    public static string FecLine(string journal, string num, string date, string account, string aux, string auxLib,
        string piece, string debit, string credit, string let = "") =>
        string.Join('\t', journal, journal == "VE" ? "Ventes" : "Banque", num, date, account,
            account.StartsWith("411") ? "Clients" : "Produits",
            aux, auxLib, piece, date, "Facture " + piece, debit, credit, let, let == "" ? "" : date, date, "", "");
}
