package jp.ikiiki.desk.groups.duplicates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.PhoneNumbers;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.importing.CityFileCells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of groups registered with 府中町 and 海田町 that the city hands over (第5章2), against which every new group
 * is checked. An import reads the city's CSV (UTF-8 with or without BOM, or Windows-31J, through the subjects import's
 * reader and limits) or XLSX (the first sheet; at most {@value #MAX_XLSX_BYTES} bytes), header row first, and
 * <b>replaces the town's whole list</b>, keeping the import with its date. Accepted columns, by heading, in any order
 * (other headings are ignored and named in the outcome):
 * <ul>
 * <li>団体名 (also 名称, 団体名称) — required;</li>
 * <li>団体名カナ (also フリガナ, カナ) — katakana or hiragana;</li>
 * <li>代表者 (also 代表者名, 代表者氏名);</li>
 * <li>電話番号 (also 電話, 連絡先) — a Japanese number of 10 or 11 digits;</li>
 * <li>住所 (also 所在地, 代表者住所, 活動場所);</li>
 * <li>団体番号 (also 登録番号, 番号) — the town's own number, which identifies the entry across imports.</li>
 * </ul>
 * A row is refused, with its row, column and reason, for a missing name, a control character, a value a spreadsheet
 * would take for a formula (= + @), a value too long, a phone that is not a number, kana that is not kana, or the same
 * group twice in the file. A file with any refused row changes nothing (the list is replaced whole or not at all), nor
 * does a dry run. Two imports never run at once: the second is refused.
 */
@Service
class TownLists {

	static final int MAX_XLSX_BYTES = 20 * 1024 * 1024;
	static final int MAX_ROWS = 20_000;
	private static final int LOCK_KEY = 95_001;

	enum Column {
		NUMBER("団体番号", 40, "登録番号", "番号"),
		NAME("団体名", 200, "名称", "団体名称"),
		KANA("団体名カナ", 200, "フリガナ", "カナ", "団体名フリガナ"),
		REPRESENTATIVE("代表者", 100, "代表者名", "代表者氏名"),
		PHONE("電話番号", 32, "電話", "連絡先"),
		ADDRESS("住所", 300, "所在地", "代表者住所", "活動場所");

		final String heading;
		final int maxLength;
		final List<String> aliases;

		Column(String heading, int maxLength, String... aliases) {
			this.heading = heading;
			this.maxLength = maxLength;
			this.aliases = List.of(aliases);
		}

		static Optional<Column> ofHeading(String heading) {
			String h = GroupNormalizer.base(heading);
			for (Column c : values()) {
				if (GroupNormalizer.base(c.heading).equals(h)
						|| c.aliases.stream().anyMatch(a -> GroupNormalizer.base(a).equals(h))) {
					return Optional.of(c);
				}
			}
			return Optional.empty();
		}
	}

	/** An accepted row. */
	record Entry(int row, String key, String number, String name, String kana, String representative, String phone,
			String address) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final CityFileCells cells;
	private final Clock clock;

	TownLists(JdbcClient jdbc, AuditTrail audit, SubjectsProperties subjects, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.cells = new CityFileCells(subjects);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Reads the file and, unless {@code dryRun} or a row is refused, replaces the town's list with it.
	 *
	 * @throws InvalidInputException   the file cannot be read (format, encoding, a limit, no header or no 団体名 column,
	 *                                 no data row); nothing changed
	 * @throws StateConflictException another town list import is running
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	@Transactional
	public TownListImport.Outcome load(Town town, String fileName, InputStream content, boolean dryRun,
			String channel) {
		if (town == null) {
			throw new InvalidInputException("town", "町を指定してください（FUCHU または KAITA）。");
		}
		String name = fileName == null || fileName.isBlank() ? "(無題)" : ControlCharacters.visible(fileName.strip());
		if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(95, :k)").param("k", LOCK_KEY)
				.query(Boolean.class).single())) {
			throw new StateConflictException("町の団体一覧の取込が実行中です。終わってからもう一度取り込んでください。");
		}
		List<TownListImport.Problem> problems = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		int[] rows = {0};
		Map<String, Integer> keys = new HashMap<>();
		Map<Integer, Column> columns = new LinkedHashMap<>();
		BiConsumer<Long, List<String>> each = (row, cellsOfRow) -> {
			if (columns.isEmpty() && rows[0] == 0 && ignored.isEmpty()) {
				header(cellsOfRow, columns, ignored);
				return;
			}
			if (cellsOfRow.stream().allMatch(c -> c == null || c.isBlank())) {
				return;
			}
			if (++rows[0] > MAX_ROWS) {
				throw new InvalidInputException("file", "行が多すぎます（" + MAX_ROWS + "行まで）。取込は中止しました。")
						.with("row", row);
			}
			validate(row, cellsOfRow, columns, keys, entries, problems);
		};
		if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			readXlsx(content, each);
		} else {
			cells.readCsv(content, each);
		}
		if (columns.isEmpty()) {
			throw new InvalidInputException("file", "見出し行がありません。1行目に「団体名」などの見出しを置いてください。");
		}
		if (rows[0] == 0) {
			throw new InvalidInputException("file", "データ行がありません。");
		}
		int previous = jdbc.sql("select count(*) from town_group where town = :t").param("t", town.name())
				.query(Integer.class).single();
		int refusedRows = (int) problems.stream().mapToLong(TownListImport.Problem::row).distinct().count();
		if (!problems.isEmpty() && entries.isEmpty()) {
			problems.add(0, new TownListImport.Problem(0, null, "",
					"有効な行が1行もありません。取り込んでいません（" + town.japaneseName() + "の一覧は変わりません）。"));
		} else if (!problems.isEmpty()) {
			problems.add(0, new TownListImport.Problem(0, null, "", "拒否した行があるため取り込んでいません。一覧は丸ごと"
					+ "置き換えるので、すべての行を直してから取り込んでください（" + town.japaneseName() + "の一覧は変わりません）。"));
		}
		boolean apply = !dryRun && refusedRows == 0;
		Long importId = null;
		if (apply) {
			importId = replace(town, name, entries, previous);
		}
		audit.recordFile(AuditAction.IMPORT, channel, name, "町の団体一覧 " + town.japaneseName() + (dryRun ? " 試行" : "")
				+ " rows=" + rows[0] + " entries=" + entries.size() + " refused=" + refusedRows + " applied=" + apply
				+ " replaced=" + (apply ? previous : 0));
		return new TownListImport.Outcome(importId, town, dryRun, apply, rows[0], entries.size(), refusedRows, previous,
				ignored, problems);
	}

	/** The list each town has now (its last import), or an empty entry where none was imported. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Transactional(readOnly = true)
	public List<TownListImport.Current> current() {
		List<TownListImport.Current> list = new ArrayList<>();
		for (Town t : Town.values()) {
			list.add(jdbc.sql("""
					select id, file_name, imported_on, imported_by, imported_at, entries from town_list_import
					 where town = :t order by id desc limit 1""").param("t", t.name())
					.query((rs, n) -> new TownListImport.Current(t, rs.getLong(1), rs.getString(2),
							rs.getObject(3, LocalDate.class), rs.getString(4),
							rs.getTimestamp(5).toInstant(), rs.getInt(6)))
					.optional().orElse(new TownListImport.Current(t, null, null, null, null, null, 0)));
		}
		return list;
	}

	private long replace(Town town, String fileName, List<Entry> entries, int previous) {
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into town_list_import (town, file_name, imported_on, imported_by, imported_at, rows_read, entries,
				                              replaced)
				values (:town, :file, :on, :by, :at, :rows, :entries, :replaced) returning id""")
				.param("town", town.name()).param("file", fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
				.param("on", LocalDate.ofInstant(now, JapanTime.ZONE)).param("by", CurrentUser.name())
				.param("at", java.sql.Timestamp.from(now)).param("rows", entries.size()).param("entries", entries.size())
				.param("replaced", previous).query(Long.class).single();
		jdbc.sql("delete from town_group where town = :t").param("t", town.name()).update();
		for (Entry e : entries) {
			jdbc.sql("""
					insert into town_group (town, import_id, row_number, entry_key, town_number, name, name_kana,
					                        representative, phone, address)
					values (:town, :import, :row, :key, :number, :name, :kana, :rep, :phone, :address)""")
					.param("town", town.name()).param("import", id).param("row", e.row()).param("key", e.key())
					.param("number", e.number()).param("name", e.name()).param("kana", e.kana())
					.param("rep", e.representative()).param("phone", e.phone()).param("address", e.address()).update();
		}
		return id;
	}

	private static void header(List<String> cells, Map<Integer, Column> columns, List<String> ignored) {
		for (int i = 0; i < cells.size(); i++) {
			String h = cells.get(i) == null ? "" : cells.get(i).strip().replace("\uFEFF", "");
			if (h.isEmpty()) {
				continue;
			}
			int index = i;
			Column.ofHeading(h).ifPresentOrElse(c -> {
				if (columns.containsValue(c)) {
					throw new InvalidInputException("file", "見出し「" + c.heading + "」の列が2つあります。");
				}
				columns.put(index, c);
			}, () -> ignored.add(ControlCharacters.visible(h.length() > 40 ? h.substring(0, 40) + "…" : h)));
		}
		if (!columns.containsValue(Column.NAME)) {
			throw new InvalidInputException("file", "見出し行に「団体名」の列がありません（受け付ける見出し: 団体番号、団体名、"
					+ "団体名カナ、代表者、電話番号、住所）。");
		}
	}

	private static void validate(long row, List<String> cells, Map<Integer, Column> columns, Map<String, Integer> keys,
			List<Entry> entries, List<TownListImport.Problem> problems) {
		Map<Column, String> values = new HashMap<>();
		boolean ok = true;
		for (var col : columns.entrySet()) {
			String raw = col.getKey() < cells.size() ? cells.get(col.getKey()) : null;
			String v = raw == null ? "" : raw.strip();
			Column c = col.getValue();
			String reason = null;
			if (ControlCharacters.contains(v)) {
				reason = "制御文字（" + ControlCharacters.name(v.charAt(ControlCharacters.indexOf(v))) + "）が含まれています";
			} else if (!v.isEmpty() && CsvCells.startsLikeAFormula(v) && !(c == Column.PHONE && v.startsWith("+"))) {
				reason = "数式とみなされる値（先頭が = + - @）は受け付けません";
			} else if (v.codePointCount(0, v.length()) > c.maxLength) {
				reason = c.maxLength + "文字を超えています";
			} else if (c == Column.PHONE && !v.isEmpty() && !PhoneNumbers.isJapanese(v)) {
				reason = "電話番号として読めません（10桁または11桁の番号）";
			} else if (c == Column.KANA && !v.isEmpty() && !Kana.isKanaName(v)) {
				reason = "カナ以外の文字が含まれています";
			}
			if (reason != null) {
				problems.add(new TownListImport.Problem(row, c.heading, shown(v), reason));
				ok = false;
			}
			values.put(c, v);
		}
		if (values.getOrDefault(Column.NAME, "").isEmpty()) {
			problems.add(new TownListImport.Problem(row, Column.NAME.heading, "", "団体名がありません"));
			ok = false;
		}
		if (!ok) {
			return;
		}
		String number = blankToNull(values.get(Column.NUMBER));
		String key = number != null ? "N:" + GroupNormalizer.base(number)
				: "H:" + digest(GroupNormalizer.name(values.get(Column.NAME)) + "|"
						+ GroupNormalizer.person(values.get(Column.REPRESENTATIVE)) + "|"
						+ GroupNormalizer.phone(values.get(Column.PHONE)));
		Integer earlier = keys.putIfAbsent(key, (int) row);
		if (earlier != null) {
			problems.add(new TownListImport.Problem(row, number != null ? Column.NUMBER.heading : null,
					number != null ? shown(number) : "", "同じ団体が" + earlier + "行目にもあります"));
			return;
		}
		entries.add(new Entry((int) row, key, number, values.get(Column.NAME), blankToNull(values.get(Column.KANA)),
				blankToNull(values.get(Column.REPRESENTATIVE)),
				blankToNull(values.get(Column.PHONE)) == null ? null : PhoneNumbers.format(values.get(Column.PHONE)),
				blankToNull(values.get(Column.ADDRESS))));
	}

	private static String shown(String v) {
		String s = ControlCharacters.visible(v);
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static String digest(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
					.substring(0, 40);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void readXlsx(InputStream content, BiConsumer<Long, List<String>> each) {
		byte[] bytes;
		try {
			bytes = content.readNBytes(MAX_XLSX_BYTES + 1);
		} catch (IOException e) {
			throw new InvalidInputException("file", "ファイルを読めませんでした。");
		}
		if (bytes.length > MAX_XLSX_BYTES) {
			throw new InvalidInputException("file", "Excel ファイルが大きすぎます（" + MAX_XLSX_BYTES / 1024 / 1024
					+ "MB まで）。町の団体一覧としては大きすぎるため、内容を確認してください。");
		}
		var formatter = new DataFormatter(Locale.JAPAN);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new InvalidInputException("file", "シートがありません。");
			}
			Sheet sheet = workbook.getSheetAt(0);
			for (Row r : sheet) {
				List<String> values = new ArrayList<>();
				for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
					Cell cell = r.getCell(c);
					if (cell == null) {
						values.add("");
					} else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
						// A formula is never a town's data: shown as written so that the row is refused.
						values.add("=" + cell.getCellFormula());
					} else {
						values.add(formatter.formatCellValue(cell));
					}
				}
				each.accept((long) r.getRowNum() + 1, values);
			}
		} catch (InvalidInputException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			throw new InvalidInputException("file", "Excel（xlsx）として読めませんでした。ファイルの形式を確認してください。");
		}
	}
}
