package jp.ikiiki.desk.mailings;

/** A file produced for download (already audited). */
public record MailingDownload(String fileName, String contentType, byte[] content) {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
