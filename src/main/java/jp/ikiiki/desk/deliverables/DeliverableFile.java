package jp.ikiiki.desk.deliverables;

import java.util.Objects;

/**
 * A file a kind generated for one period.
 *
 * @param fileName    file name as the city receives it (Japanese, no path); not blank
 * @param contentType MIME type
 * @param content     the bytes; not empty
 */
public record DeliverableFile(String fileName, String contentType, byte[] content) {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	public static final String PDF = "application/pdf";
	public static final String CSV = "text/csv";

	public DeliverableFile {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(contentType, "contentType");
		Objects.requireNonNull(content, "content");
		if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || content.length == 0) {
			throw new IllegalStateException("a deliverable file needs a plain name and content");
		}
	}
}
