package jp.ikiiki.desk.reports;

/**
 * A report file ready to download or attach.
 *
 * @param fileName    e.g. {@code 日報_2026-11-24_v2.pdf}
 * @param contentType its media type
 * @param content     the bytes
 */
public record ReportFile(String fileName, String contentType, byte[] content) {
}
