package jp.ikiiki.desk.subjects.demo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file formats the city sends, and so the formats the generator writes. */
public enum OutputFormat {
	/** CSV, UTF-8 with a byte-order mark, CRLF line ends. */
	CSV_UTF8("csv", StandardCharsets.UTF_8),
	/** CSV in Windows-31J (Shift_JIS as Windows writes it), CRLF line ends. */
	CSV_WINDOWS_31J("csv", Charset.forName("Windows-31J")),
	/** Excel workbook, one sheet, written with SXSSF (streaming). */
	XLSX("xlsx", null);

	private final String extension;
	private final Charset charset;

	OutputFormat(String extension, Charset charset) {
		this.extension = extension;
		this.charset = charset;
	}

	/** File-name extension without the dot. */
	public String extension() {
		return extension;
	}

	/** Character set of a CSV format; null for XLSX. */
	public Charset charset() {
		return charset;
	}

	/**
	 * Parses a command-line name: {@code csv}, {@code utf8}, {@code csv-utf8}; {@code sjis}, {@code cp932},
	 * {@code windows-31j}, {@code csv-windows-31j}; {@code xlsx}. Case-insensitive.
	 *
	 * @throws IllegalArgumentException for anything else
	 */
	public static OutputFormat parse(String name) {
		return switch (name.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
			case "csv", "utf8", "utf-8", "csv-utf8", "csv-utf-8" -> CSV_UTF8;
			case "sjis", "shift-jis", "cp932", "ms932", "windows-31j", "csv-windows-31j", "csv-sjis" -> CSV_WINDOWS_31J;
			case "xlsx", "excel" -> XLSX;
			default -> throw new IllegalArgumentException("format must be csv-utf8, csv-windows-31j or xlsx: " + name);
		};
	}
}
