package jp.ikiiki.desk.subjects.web;

/** The file format of a download, as the {@code format} parameter names it ({@code csv} or {@code xlsx}). */
enum DownloadFormat {
	CSV, XLSX
}
