package jp.ikiiki.desk.reports;

import java.util.Locale;
import jp.ikiiki.desk.shared.InvalidInputException;

/** The forms a report is delivered in. */
public enum ReportFormat {
	JSON("application/json", "json"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	PDF("application/pdf", "pdf");

	private final String contentType;
	private final String extension;

	ReportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	/**
	 * The format named {@code json}, {@code xlsx} or {@code pdf} (any case).
	 *
	 * @throws InvalidInputException for anything else, naming the parameter {@code format}
	 */
	public static ReportFormat of(String name) {
		if (name != null) {
			for (ReportFormat f : values()) {
				if (f.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
					return f;
				}
			}
		}
		throw new InvalidInputException("format", "format は json, xlsx, pdf のいずれかで指定してください");
	}
}
