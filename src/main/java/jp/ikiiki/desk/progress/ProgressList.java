package jp.ikiiki.desk.progress;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The 対象者別進捗状況一覧 (第9章1(2), 別紙3): the 84 columns in the order and with the headers of 別紙3 for every
 * subject of the city's progress file, columns 49–84 from the business year asked for. Streamed (one row in memory);
 * values in the form the 別紙3 import reads, so that the file re-imported changes nothing.
 */
public interface ProgressList {

	/** The file formats. */
	enum Format {
		/** Office Open XML workbook, every cell text (formula-like values stay text). */
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		/** CSV in Windows-31J (the city's encoding), CRLF, formula-like cells neutralised. */
		CSV("csv", "text/csv; charset=Windows-31J");

		private final String extension;
		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return extension;
		}

		public String mediaType() {
			return mediaType;
		}
	}

	/** The file's name, e.g. 対象者別進捗状況一覧_2025.xlsx. */
	static String fileName(int businessYear, Format format) {
		return "対象者別進捗状況一覧_" + businessYear + "." + format.extension();
	}

	/**
	 * Writes the list of {@code businessYear} to {@code out} (not closed). Audited as DOWNLOAD with the row count.
	 *
	 * @return rows written (without the header)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a year that is not open
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	long write(int businessYear, Format format, OutputStream out, String channel) throws IOException;
}
