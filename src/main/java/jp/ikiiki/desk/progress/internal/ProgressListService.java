package jp.ikiiki.desk.progress.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.progress.ProgressList;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.StreamingXlsx;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 84-column 対象者別進捗状況一覧 of one business year. Rows: every subject of the city's 別紙3 file still in it,
 * plus any person with a record of that year (a person ended since may still be notified or paid), by 宛名番号.
 * Columns 1–48 are the person's (the subjects module's stored 別紙3 row), 49–84 the year's. Read with a server-side
 * cursor ({@value #FETCH} rows at a time) and written as it is read: memory does not grow with the rows.
 */
@Service
class ProgressListService implements ProgressList {

	static final int FETCH = 2_000;
	/** Written for a character Windows-31J cannot hold (the printers' geta mark for a missing character). */
	static final char GETA = '〓';
	static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

	/** Person columns 1–48 from subject_record (subjects' table, read-only) and the year's 49–84 from progress_year. */
	static final String QUERY = """
			select r.progress_record[1:48] as person, p.year_record
			from subject_record r
			join subject s on s.address_number = r.address_number
			left join progress_year p on p.address_number = r.address_number and p.business_year = ?
			where r.progress_record is not null and (s.progress_ended_at is null or p.address_number is not null)
			order by r.address_number""";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate readOnly;
	private final BusinessYears years;
	private final AuditTrail audit;

	ProgressListService(JdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessYears years,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.years = years;
		this.audit = audit;
	}

	/** The header row: the 84 headers of 別紙3, in order. */
	static List<String> headers() {
		return SubjectFileKind.PROGRESS.columns().stream().map(Column::header).toList();
	}

	@Override
	public long write(int businessYear, Format format, OutputStream out, String channel) throws IOException {
		years.require(businessYear);
		long[] replaced = new long[1];
		long rows;
		try {
			rows = switch (format) {
				case CSV -> writeCsv(businessYear, out, replaced);
				case XLSX -> writeXlsx(businessYear, out);
			};
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
		audit.recordFile(AuditAction.DOWNLOAD, channel, ProgressList.fileName(businessYear, format),
				"対象者別進捗状況一覧 " + businessYear + "年度 " + format + "; rows=" + rows
						+ (replaced[0] > 0 ? ", cellsWithGeta=" + replaced[0] : ""));
		return rows;
	}

	/**
	 * The XLSX of one year for the deliverable 対象者別進捗状況一覧 ({@link ProgressListKind}), whose generation is
	 * allowed to floor managers and operators; audited as EXPORT.
	 */
	public long writeDeliverable(int businessYear, OutputStream out, String channel) throws IOException {
		long rows;
		try {
			rows = writeXlsx(businessYear, out);
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
		audit.recordFile(AuditAction.EXPORT, channel, ProgressList.fileName(businessYear, Format.XLSX),
				"対象者別進捗状況一覧 " + businessYear + "年度 XLSX; rows=" + rows);
		return rows;
	}

	/** Streams the rows of the year: 84 values each. */
	long forEachRow(int businessYear, RowSink sink) {
		Long count = readOnly.execute(tx -> {
			long[] n = {0};
			jdbc.query(con -> {
				var ps = con.prepareStatement(QUERY);
				ps.setInt(1, businessYear);
				ps.setFetchSize(FETCH);
				return ps;
			}, (ResultSet rs) -> {
				sink.row(values(rs));
				n[0]++;
			});
			return n[0];
		});
		return count == null ? 0 : count;
	}

	private static List<String> values(ResultSet rs) throws SQLException {
		List<String> person = ProgressStore.texts(rs.getArray("person"));
		List<String> year = ProgressStore.texts(rs.getArray("year_record"));
		var values = new ArrayList<String>(84);
		for (int i = 0; i < 48; i++) {
			values.add(person != null && i < person.size() ? person.get(i) : "");
		}
		for (int i = 0; i < YearColumns.COUNT; i++) {
			values.add(year == null ? "" : year.get(i));
		}
		return values;
	}

	/** One row of 84 values. */
	@FunctionalInterface
	interface RowSink {
		void row(List<String> values);
	}

	private long writeCsv(int businessYear, OutputStream out, long[] replaced) throws IOException {
		CharsetEncoder encoder = WINDOWS_31J.newEncoder();
		Writer w = new BufferedWriter(new OutputStreamWriter(nonClosing(out), WINDOWS_31J), 1 << 16);
		w.write(line(headers(), encoder, replaced));
		w.write("\r\n");
		long rows = forEachRow(businessYear, values -> {
			try {
				w.write(line(values, encoder, replaced));
				w.write("\r\n");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		w.flush();
		return rows;
	}

	/** A CSV line: cells neutralised and quoted by {@link CsvCells}; characters outside Windows-31J as 〓. */
	static String line(List<String> values, CharsetEncoder encoder, long[] replaced) {
		var cells = new ArrayList<String>(values.size());
		for (String v : values) {
			cells.add(encodable(v, encoder, replaced));
		}
		var sb = new StringBuilder(1024);
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append(CsvCells.text(cells.get(i)));
		}
		return sb.toString();
	}

	private static String encodable(String v, CharsetEncoder encoder, long[] replaced) {
		if (v == null || v.isEmpty() || encoder.canEncode(v)) {
			return v;
		}
		var sb = new StringBuilder(v.length());
		v.codePoints().forEach(cp -> {
			String ch = Character.toString(cp);
			sb.append(encoder.canEncode(ch) ? ch : String.valueOf(GETA));
		});
		replaced[0]++;
		return sb.toString();
	}

	/** Streams the rows from the cursor into the sheet ({@link StreamingXlsx}: inline text cells, header frozen). */
	private long writeXlsx(int businessYear, OutputStream out) throws IOException {
		try (var sheet = new StreamingXlsx(out, "対象者別進捗状況一覧", YearColumns.COUNT + 48)) {
			sheet.row(headers());
			return forEachRow(businessYear, values -> {
				try {
					sheet.row(values);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	private static OutputStream nonClosing(OutputStream out) {
		return new java.io.FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}
}
