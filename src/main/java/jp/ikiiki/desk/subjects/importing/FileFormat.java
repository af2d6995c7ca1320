package jp.ikiiki.desk.subjects.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;

/** The form a city file comes in, told by its name or, failing that, by its first bytes. */
enum FileFormat {
	CSV, XLSX, XLS;

	/** How the history names it (XLS, which is refused, included). */
	String label() {
		return name();
	}

	/** By the extension; without a known one, a ZIP signature means XLSX and anything else CSV. */
	static FileFormat detect(String fileName, BufferedInputStream in) throws IOException {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			return XLSX;
		}
		if (lower.endsWith(".xls")) {
			return XLS;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return CSV;
		}
		in.mark(4);
		byte[] magic = new byte[4];
		int n = CsvCharset.readFully(in, magic);
		in.reset();
		return n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4 ? XLSX : CSV;
	}
}
