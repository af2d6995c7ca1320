package jp.ikiiki.desk.subjects;

/**
 * A file produced for download (the システム更新結果報告書 or a problem list).
 *
 * @param fileName    suggested file name (Japanese, no path)
 * @param contentType MIME type
 * @param content     the bytes
 */
public record ImportDownload(String fileName, String contentType, byte[] content) {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	public static final String CSV = "text/csv; charset=UTF-8";
}
