package jp.ikiiki.desk.progress;

import static jp.ikiiki.desk.progress.ProgressFiles.concat;
import static jp.ikiiki.desk.progress.ProgressFiles.figures;
import static jp.ikiiki.desk.progress.ProgressFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The 84-column 対象者別進捗状況一覧 (別紙3): header, values in the import's form, round trip, formula-like cells. */
class ProgressListIT extends TallyITSupport {

	static final Charset SJIS = Charset.forName("Windows-31J");
	static final String PREFIX = "77500000";
	static final String GAIJI = PREFIX + "01";
	static final String MAXIMAL = PREFIX + "02";
	static final String EMPTY = PREFIX + "03";
	static final String FORMULA = PREFIX + "04";

	@Autowired
	ProgressList list;
	@Autowired
	OpeningBalances openings;
	@Autowired
	MockMvc mvc;
	@Autowired
	jp.ikiiki.desk.deliverables.Deliverables deliverables;

	@BeforeEach
	void data() {
		clearTally();
		jdbc.sql("delete from progress_year").update();
		importSubjects(List.of(progress(GAIJI, "氏名漢字", "髙橋　𠮷野", "メモ", "﨑の字"), progress(MAXIMAL),
				progress(EMPTY), progress(FORMULA, "住所漢字", "=1+2")));
		String maxNote = "長".repeat(999) + "末";
		var rows = List.of(
				row(GAIJI, concat(figures("2025-10-01", 3, 2, 100), 81, "髙﨑　①㈱", 84, "はしご高の髙")),
				row(MAXIMAL, concat(figures("2026-03-31", 2_499_999, 3, 100), 49, "2024-08-20", 51, "2026-04-01", 52,
						"2026-04-02", 53, "2026-05-25", 54, "1", 76, "F".repeat(100), 77, "G".repeat(100), 78, "9999", 79,
						"銀".repeat(60), 80, "999", 81, "ﾔﾏﾀﾞ".repeat(15), 82, "9".repeat(40), 83, "2026-05-15", 84,
						maxNote)),
				row(FORMULA, 79, "=HYPERLINK(\"http://x\")", 81, "+81 ヤマダ", 82, "-5", 84, "@SUM(1,2)"));
		var outcome = as("operator1", () -> openings.load(2024, "seed.csv", new ByteArrayInputStream(
				ProgressFiles.csv(rows).getBytes(StandardCharsets.UTF_8)), false, "テスト"), "OPERATOR");
		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.inserted()).isEqualTo(3);
	}

	private byte[] export(ProgressList.Format format) {
		return as("operator1", () -> {
			var out = new ByteArrayOutputStream();
			try {
				list.write(2024, format, out, "テスト");
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return out.toByteArray();
		}, "OPERATOR");
	}

	@Test
	void the_monthly_deliverable_holds_the_list_of_every_open_year_as_xlsx_read_from_one_snapshot() throws Exception {
		var generated = as("fm1", () -> deliverables.generate(jp.ikiiki.desk.deliverables.DeliverableKinds.PROGRESS_LIST,
				"2026-06"), "FLOOR_MANAGER");
		byte[] zip = as("fm1", () -> deliverables.download(generated.fileId(), "テスト"), "FLOOR_MANAGER").content();
		var entries = new java.util.LinkedHashMap<String, byte[]>();
		try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		// 2026-06-15: the open years are 2024, 2025 and 2026, one list each (第7章2: 事業年度を分けて作成すること)
		assertThat(entries.keySet()).containsExactly("対象者別進捗状況一覧_2024.xlsx", "対象者別進捗状況一覧_2025.xlsx",
				"対象者別進捗状況一覧_2026.xlsx");
		var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
		try (var delivered = new XSSFWorkbook(new ByteArrayInputStream(entries.get("対象者別進捗状況一覧_2024.xlsx")));
				var direct = new XSSFWorkbook(new ByteArrayInputStream(export(ProgressList.Format.XLSX)))) {
			var a = delivered.getSheetAt(0);
			var b = direct.getSheetAt(0);
			assertThat(a.getLastRowNum()).isEqualTo(b.getLastRowNum()).isGreaterThan(3);
			for (int r = 0; r <= a.getLastRowNum(); r++) {
				for (int c = 0; c < 84; c++) {
					assertThat(formatter.formatCellValue(a.getRow(r).getCell(c)))
							.as("row %d column %d", r, c + 1).isEqualTo(formatter.formatCellValue(b.getRow(r).getCell(c)));
				}
			}
		}
	}

	@Test
	void the_header_is_that_of_annex_3_column_by_column_in_csv_and_xlsx() throws Exception {
		List<String> expected = SubjectFileKind.PROGRESS.columns().stream().map(Column::header).toList();
		assertThat(expected).hasSize(84);
		List<List<String>> csv = parse(new String(export(ProgressList.Format.CSV), SJIS));
		assertThat(csv.get(0)).containsExactlyElementsOf(expected);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export(ProgressList.Format.XLSX)))) {
			var header = wb.getSheetAt(0).getRow(0);
			assertThat(header.getLastCellNum()).isEqualTo((short) 84);
			for (int i = 0; i < 84; i++) {
				assertThat(header.getCell(i).getStringCellValue()).as("column %d", i + 1).isEqualTo(expected.get(i));
			}
		}
	}

	@Test
	void an_exported_list_re_imported_changes_nothing_with_gaiji_empty_and_maximal_values() {
		byte[] first = export(ProgressList.Format.CSV);
		String text = new String(first, SJIS);
		// Only this test's subjects (others' years may be of other tests' clocks); the header stays.
		String mine = text.lines().filter(l -> l.startsWith("宛名番号") || l.startsWith(PREFIX))
				.collect(Collectors.joining("\r\n", "", "\r\n"));
		assertThat(mine.lines().count()).isEqualTo(5);
		var outcome = as("operator1", () -> openings.load(2024, "export.csv",
				new ByteArrayInputStream(mine.getBytes(SJIS)), false, "テスト"), "OPERATOR");
		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.rows()).isEqualTo(4);
		assertThat(outcome.unchanged()).isEqualTo(4);
		assertThat(outcome.inserted() + outcome.updated() + outcome.refused()).isZero();
		assertThat(export(ProgressList.Format.CSV)).isEqualTo(first);

		Map<String, List<String>> rows = parse(text).stream().skip(1).filter(r -> r.get(0).startsWith(PREFIX))
				.collect(Collectors.toMap(r -> r.get(0), r -> r));
		assertThat(rows.get(GAIJI).get(80)).isEqualTo("髙﨑　①㈱");
		assertThat(rows.get(GAIJI).get(2)).isEqualTo("髙橋　〓野"); // 𠮷 is not in Windows-31J: the XLSX keeps it
		assertThat(rows.get(MAXIMAL).get(83)).hasSize(1000);
		assertThat(rows.get(MAXIMAL).get(54)).isEqualTo("9999996");
		assertThat(rows.get(EMPTY).subList(48, 84)).allMatch(String::isEmpty);
	}

	@Test
	void formula_like_cells_are_text_in_csv_and_xlsx_and_the_xlsx_holds_every_character() throws Exception {
		String text = new String(export(ProgressList.Format.CSV), SJIS);
		String line = text.lines().filter(l -> l.startsWith(FORMULA)).findFirst().orElseThrow();
		assertThat(line).contains("'=1+2", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+81 ヤマダ", "'-5", "\"'@SUM(1,2)\"");
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export(ProgressList.Format.XLSX)))) {
			var sheet = wb.getSheetAt(0);
			var formatter = new DataFormatter();
			for (var r : sheet) {
				if (r.getRowNum() == 0) {
					continue;
				}
				String number = formatter.formatCellValue(r.getCell(0));
				for (var cell : r) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				}
				if (number.equals(FORMULA)) {
					assertThat(r.getCell(78).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
					assertThat(r.getCell(83).getStringCellValue()).isEqualTo("@SUM(1,2)");
				}
				if (number.equals(GAIJI)) {
					assertThat(r.getCell(2).getStringCellValue()).isEqualTo("髙橋　𠮷野");
				}
			}
		}
	}

	@Test
	void the_xlsx_holds_the_same_values_as_the_csv_reads_back() throws Exception {
		Map<String, List<String>> csv = parse(new String(export(ProgressList.Format.CSV), SJIS)).stream().skip(1)
				.filter(r -> r.get(0).startsWith(PREFIX)).collect(Collectors.toMap(r -> r.get(0), r -> r));
		var formatter = new DataFormatter();
		int compared = 0;
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export(ProgressList.Format.XLSX)))) {
			for (var r : wb.getSheetAt(0)) {
				String number = formatter.formatCellValue(r.getCell(0));
				List<String> line = csv.get(number);
				if (line == null) {
					continue;
				}
				for (int i = 0; i < 84; i++) {
					String cell = r.getCell(i) == null ? "" : r.getCell(i).getStringCellValue();
					String read = line.get(i).length() > 1 && line.get(i).charAt(0) == '\''
							&& jp.ikiiki.desk.shared.CsvCells.startsLikeAFormula(line.get(i).substring(1))
									? line.get(i).substring(1) : line.get(i);
					if (number.equals(GAIJI) && i == 2) {
						assertThat(cell).isEqualTo("髙橋　𠮷野");
						assertThat(read).isEqualTo("髙橋　〓野");
					} else {
						assertThat(cell).as("%s column %d", number, i + 1).isEqualTo(read);
					}
				}
				compared++;
			}
		}
		assertThat(compared).isEqualTo(4);
	}

	@Test
	void the_download_is_audited_and_only_operators_and_city_staff_may_have_it() throws Exception {
		mvc.perform(get("/api/exports/progress-list").param("businessYear", "2024").param("format", "csv")
				.with(user("city1").roles("CITY_STAFF"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("Windows-31J")));
		mvc.perform(get("/api/exports/progress-list").param("businessYear", "2024").param("format", "xlsx")
				.with(user("operator1").roles("OPERATOR"))).andExpect(status().isOk());
		mvc.perform(get("/api/exports/progress-list").param("businessYear", "2024").param("format", "pdf")
				.with(user("operator1").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/exports/progress-list").param("businessYear", "2024")
				.with(user("agent1").roles("AGENT"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DOWNLOAD' and username = 'city1'"
				+ " and detail like '対象者別進捗状況一覧 2024年度 CSV%'").query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> export2023()).isInstanceOf(InvalidInputException.class);
	}

	private void export2023() {
		run("operator1", () -> {
			try {
				list.write(2023, ProgressList.Format.CSV, new ByteArrayOutputStream(), "テスト");
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, "OPERATOR");
	}

	/** RFC 4180 as written by the export (CRLF, quotes doubled). */
	static List<List<String>> parse(String text) {
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					cell.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			} else if (c == '\r') {
				continue;
			} else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			} else {
				cell.append(c);
			}
		}
		return rows;
	}
}
