package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.ikiiki.desk.reports.TotalsFixture.Expected;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every total of every report recomputed independently: the JSON, the XLSX read back with POI and the PDF read back
 * as text, for a past day, today (in progress), a past month and the current month (in progress). In each file every
 * 合計 and rate is recomputed from the rows of the same file, and every figure is compared with the raw call records,
 * call log entries and escalation cases of {@link TotalsFixture}, reckoned from those lists alone. The files are kept
 * in target/reports/totals/ with their pages as PNG, and the XLSX converted by LibreOffice, to look at.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ReportsClock.class)
class ReportTotalsIT {

	static final Path OUT = Path.of("target", "reports", "totals");
	static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
	static final LocalDate TODAY = LocalDate.of(2026, 11, 19);
	static final Pattern HOUR = Pattern.compile("(\\d{1,2})時台");
	static final Pattern DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})日\\(.\\)");

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ReportsClock.Settable clock;

	@BeforeEach
	void fixture() {
		clock.set(ReportsClock.NOW);
		TotalsFixture.insert(jdbc);
	}

	@Test
	void a_past_days_report_adds_up_in_json_xlsx_and_pdf_and_matches_the_call_records() throws Exception {
		Expected day = Expected.of(c -> c.on(TUESDAY));
		// The fixture as read by hand: 10 received in hours, 6 answered, 2 out of hours.
		assertThat(List.of(day.received(), day.answered(), day.outOfHours())).containsExactly(10L, 6L, 2L);

		JsonNode json = json("/api/reports/daily/2026-11-17");
		assertThat(json.get("complete").asBoolean()).isTrue();
		assertFigures(json, day);
		assertThat(sum(json.get("hours"), "received")).isEqualTo(day.received());
		assertThat(sum(json.get("hours"), "answered")).isEqualTo(day.answered());
		assertThat(sum(json.get("hours"), "outOfHours")).isEqualTo(day.outOfHours());
		assertThat(sum(json.get("halfDays"), "received")).isEqualTo(day.received());
		assertThat(sum(json.get("halfDays"), "outOfHours")).isEqualTo(day.outOfHours());
		assertThat(sum(json.get("halfHours"), "received")).isEqualTo(day.received());
		assertThat(sum(json.get("halfHours"), "answered")).isEqualTo(day.answered());
		for (JsonNode hour : json.get("hours")) {
			int h = Integer.parseInt(hour.get("period").asText().substring(11));
			assertThat(hour.get("received").asLong()).as(hour.get("label").asText())
					.isEqualTo(Expected.of(c -> c.on(TUESDAY) && c.at().getHour() == h).received());
		}
		assertSectionsJson(json, TUESDAY, TUESDAY);

		byte[] xlsx = file("/api/reports/daily/2026-11-17", "xlsx", "daily-2026-11-17.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("日報");
			List<Object> whole = single(xlsxTable(sheet, "集計"));
			assertRow(whole, "終日", day);
			List<List<Object>> hours = xlsxTable(sheet, "時間別");
			assertThat(hours).extracting(r -> r.get(0)).containsExactly("7時台", "8時台", "9時台", "10時台", "11時台",
					"12時台", "13時台", "14時台", "15時台", "16時台", "17時台", "18時台");
			assertAddsUp(hours, whole);
			assertAddsUp(xlsxTable(sheet, "時間帯別（午前・午後）"), whole);
			for (List<Object> hour : hours) {
				var m = HOUR.matcher((String) hour.get(0));
				assertThat(m.matches()).isTrue();
				int h = Integer.parseInt(m.group(1));
				assertRow(hour, hour.get(0), Expected.of(c -> c.on(TUESDAY) && c.at().getHour() == h));
			}
			assertSectionsXlsx(book.getSheet("内訳"), TUESDAY, TUESDAY);
			assertThat(book.getSheet("グラフ").getDrawingPatriarch().getShapes()).hasSize(2);
		}

		String pdf = pdf("/api/reports/daily/2026-11-17", "daily-2026-11-17.pdf");
		List<String> whole = pdfRow(pdf, "終日");
		assertPdfRow(whole, day);
		List<List<String>> hours = pdfRows(pdf, l -> HOUR.matcher(l.get(0)).matches());
		assertThat(hours).hasSize(12);
		assertPdfAddsUp(hours, whole);
		assertPdfAddsUp(List.of(pdfRow(pdf, "午前"), pdfRow(pdf, "午後")), whole);
		assertThat(pdf).contains("受電 10 件　応答 6 件　応答率 60.0%（目標 90.0% 以上: 未達）")
				.doesNotContain("【途中集計】");
		assertSectionsPdf(pdf, TUESDAY, TUESDAY);

		System.out.printf(Locale.ROOT, "[totals] daily 2026-11-17: received %d, answered %d, rate %s, abandoned %d, "
				+ "timed out %d, refused %d, out of hours %d, mean wait %s s, within 20 s %s; 12 hour rows; categories "
				+ "total %d (of which manual %d); escalations %s, oldest open %d open days%n", day.received(),
				day.answered(), day.rateText(), day.abandoned(), day.timedOut(), day.refused(), day.outOfHours(),
				day.averageWaitText(), day.promptText(), TotalsFixture.closedLogs(TUESDAY, TUESDAY, false),
				TotalsFixture.closedLogs(TUESDAY, TUESDAY, true), TotalsFixture.escalationCounts(TUESDAY, TUESDAY),
				TotalsFixture.oldestOpenAge(TUESDAY));
	}

	@Test
	void todays_report_lists_only_the_hours_begun_says_it_is_in_progress_and_adds_up() throws Exception {
		Expected today = Expected.of(c -> c.on(TODAY));
		JsonNode json = json("/api/reports/daily/2026-11-19");
		assertThat(json.get("complete").asBoolean()).isFalse();
		assertFigures(json, today);
		assertThat(labels(json.get("hours"))).containsExactly("7時台", "8時台", "9時台", "10時台", "11時台");
		assertThat(labels(json.get("halfDays"))).containsExactly("午前");
		assertThat(labels(json.get("halfHours"))).containsExactly("8:30", "9:00", "9:30", "10:00", "10:30", "11:00");
		assertThat(sum(json.get("hours"), "received")).isEqualTo(today.received());
		assertThat(sum(json.get("halfHours"), "received")).isEqualTo(today.received());
		assertSectionsJson(json, TODAY, TODAY);

		byte[] xlsx = file("/api/reports/daily/2026-11-19", "xlsx", "daily-2026-11-19.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("日報");
			assertThat(text(sheet)).contains("【途中集計】本日の業務中に作成した日報です。令和8年11月19日 11:10 までの着信");
			List<Object> whole = single(xlsxTable(sheet, "集計"));
			assertRow(whole, "終日", today);
			assertAddsUp(xlsxTable(sheet, "時間別"), whole);
			assertThat(xlsxTable(sheet, "時間別")).hasSize(5);
			assertSectionsXlsx(book.getSheet("内訳"), TODAY, TODAY);
		}
		Path saved = OUT.resolve("daily-2026-11-19.xlsx");
		look(ReportsFiles.soffice(saved), "daily-2026-11-19-libreoffice");

		String pdf = pdf("/api/reports/daily/2026-11-19", "daily-2026-11-19.pdf");
		assertThat(pdf).contains("【途中集計】", "途中集計）");
		List<String> whole = pdfRow(pdf, "終日");
		assertPdfRow(whole, today);
		assertPdfAddsUp(pdfRows(pdf, l -> HOUR.matcher(l.get(0)).matches()), whole);
		assertThat(pdfRows(pdf, l -> HOUR.matcher(l.get(0)).matches())).extracting(l -> l.get(0))
				.containsExactly("7時台", "8時台", "9時台", "10時台", "11時台");
		assertSectionsPdf(pdf, TODAY, TODAY);
		System.out.printf(Locale.ROOT, "[totals] daily 2026-11-19 at 11:10 (in progress): received %d, answered %d, "
				+ "rate %s, out of hours %d; hours 7-11 listed; categories total %d (of which manual %d)%n",
				today.received(), today.answered(), today.rateText(), today.outOfHours(),
				TotalsFixture.closedLogs(TODAY, TODAY, false), TotalsFixture.closedLogs(TODAY, TODAY, true));
	}

	@Test
	void the_current_months_summary_lists_the_days_up_to_today_only_and_adds_up() throws Exception {
		LocalDate first = LocalDate.of(2026, 11, 1);
		Expected month = Expected.of(c -> c.within(first, TODAY));
		List<String> openDays = first.datesUntil(TODAY.plusDays(1)).filter(TotalsFixture::open)
				.map(d -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日").toList();
		assertThat(openDays).hasSize(13);

		JsonNode json = json("/api/reports/monthly/2026-11");
		assertThat(json.get("complete").asBoolean()).isFalse();
		assertThat(json.get("to").asText()).isEqualTo("2026-11-19");
		assertFigures(json, month);
		assertThat(labels(json.get("days"))).extracting(l -> l.substring(0, l.indexOf('(')))
				.containsExactlyElementsOf(openDays);
		assertDaysJson(json, first, TODAY);
		assertSectionsJson(json, first, TODAY);

		byte[] xlsx = file("/api/reports/monthly/2026-11", "xlsx", "monthly-2026-11.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("月報");
			assertThat(text(sheet)).contains("【途中集計】月の途中で作成した月報です。11月1日から 令和8年11月19日 11:10 まで");
			List<Object> whole = single(xlsxTable(sheet, "集計"));
			assertRow(whole, "月計", month);
			List<List<Object>> days = xlsxTable(sheet, "日別");
			List<Object> total = days.remove(days.size() - 1);
			assertRow(total, "合計", month);
			assertThat(days).hasSize(13);
			assertThat(days).noneMatch(r -> LocalDate.of(2026, 11, dayOfMonth((String) r.get(0))).isAfter(TODAY));
			assertAddsUp(days, total);
			for (List<Object> d : days) {
				int dom = dayOfMonth((String) d.get(0));
				assertRow(d, d.get(0), Expected.of(c -> c.on(LocalDate.of(2026, 11, dom))));
			}
			assertSectionsXlsx(book.getSheet("内訳"), first, TODAY);
		}
		look(ReportsFiles.soffice(OUT.resolve("monthly-2026-11.xlsx")), "monthly-2026-11-libreoffice");

		String pdf = pdf("/api/reports/monthly/2026-11", "monthly-2026-11.pdf");
		assertThat(pdf).contains("【途中集計】");
		assertPdfRow(pdfRow(pdf, "月計"), month);
		List<List<String>> days = pdfRows(pdf, l -> DAY.matcher(l.get(0)).matches());
		assertThat(days).hasSize(13);
		assertThat(pdf).doesNotContain("11月20日", "11月30日");
		List<String> total = pdfRows(pdf, l -> l.get(0).equals("合計") && l.size() > 5).get(0);
		assertPdfRow(total, month);
		assertPdfAddsUp(days, total);
		assertSectionsPdf(pdf, first, TODAY);
		System.out.printf(Locale.ROOT, "[totals] monthly 2026-11 at 11-19 11:10 (in progress): 13 day rows (2nd-19th), "
				+ "received %d, answered %d, rate %s, abandoned %d, timed out %d, refused %d, out of hours %d, mean wait "
				+ "%s s; categories total %d (of which manual %d); escalations %s, oldest open %d open days%n",
				month.received(), month.answered(), month.rateText(), month.abandoned(), month.timedOut(),
				month.refused(), month.outOfHours(), month.averageWaitText(),
				TotalsFixture.closedLogs(first, TODAY, false), TotalsFixture.closedLogs(first, TODAY, true),
				TotalsFixture.escalationCounts(first, TODAY), TotalsFixture.oldestOpenAge(TODAY));
	}

	@Test
	void a_past_months_summary_has_every_open_day_and_a_closed_day_with_calls_and_adds_up() throws Exception {
		LocalDate first = LocalDate.of(2026, 10, 1);
		LocalDate last = LocalDate.of(2026, 10, 31);
		Expected month = Expected.of(c -> c.within(first, last));
		JsonNode json = json("/api/reports/monthly/2026-10");
		assertThat(json.get("complete").asBoolean()).isTrue();
		assertFigures(json, month);
		// 21 open days (22 weekdays less スポーツの日) and Saturday the 31st, which had a call.
		assertThat(json.get("days")).hasSize(22);
		assertDaysJson(json, first, last);
		assertSectionsJson(json, first, last);

		byte[] xlsx = file("/api/reports/monthly/2026-10", "xlsx", "monthly-2026-10.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("月報");
			assertThat(text(sheet)).doesNotContain("【途中集計】");
			List<List<Object>> days = xlsxTable(sheet, "日別");
			List<Object> total = days.remove(days.size() - 1);
			assertRow(total, "合計", month);
			assertAddsUp(days, total);
			assertSectionsXlsx(book.getSheet("内訳"), first, last);
		}
		String pdf = pdf("/api/reports/monthly/2026-10", "monthly-2026-10.pdf");
		List<String> total = pdfRows(pdf, l -> l.get(0).equals("合計") && l.size() > 5).get(0);
		assertPdfRow(total, month);
		assertPdfAddsUp(pdfRows(pdf, l -> DAY.matcher(l.get(0)).matches()), total);
		assertThat(pdf).doesNotContain("【途中集計】");
		assertSectionsPdf(pdf, first, last);
		System.out.printf(Locale.ROOT, "[totals] monthly 2026-10: 22 day rows, received %d, answered %d, rate %s, "
				+ "out of hours %d, mean wait %s s; categories total %d%n", month.received(), month.answered(),
				month.rateText(), month.outOfHours(), month.averageWaitText(),
				TotalsFixture.closedLogs(first, last, false));
	}

	// --- JSON ---

	private void assertFigures(JsonNode json, Expected e) {
		assertThat(json.get("received").asLong()).isEqualTo(e.received());
		assertThat(json.get("answered").asLong()).isEqualTo(e.answered());
		assertThat(json.get("abandoned").asLong()).isEqualTo(e.abandoned());
		assertThat(json.get("timedOut").asLong()).isEqualTo(e.timedOut());
		assertThat(json.get("refused").asLong()).isEqualTo(e.refused());
		assertThat(json.get("outOfHours").asLong()).isEqualTo(e.outOfHours());
		assertThat(json.get("excluded").asLong()).isZero();
		assertThat(json.get("answerRate").asDouble()).isEqualTo((double) e.answered() / e.received());
		assertThat(json.get("meetsTarget").asBoolean()).isEqualTo((double) e.answered() / e.received() >= 0.9);
		assertThat(json.get("longestWaitSeconds").asDouble()).isEqualTo(e.longest());
		assertThat(json.get("answeredWithinShare").asDouble()).isEqualTo((double) e.prompt() / e.received());
	}

	/** The days add up to the month, and each day is the fixture's. */
	private void assertDaysJson(JsonNode json, LocalDate from, LocalDate to) {
		for (String field : List.of("received", "answered", "abandoned", "timedOut", "refused", "outOfHours")) {
			assertThat(sum(json.get("days"), field)).as(field).isEqualTo(json.get(field).asLong());
		}
		for (JsonNode day : json.get("days")) {
			LocalDate d = LocalDate.parse(day.get("period").asText());
			assertThat(d).isBetween(from, to);
			assertThat(day.get("received").asLong()).isEqualTo(Expected.of(c -> c.on(d)).received());
			assertThat(day.get("outOfHours").asLong()).isEqualTo(Expected.of(c -> c.on(d)).outOfHours());
		}
	}

	private void assertSectionsJson(JsonNode json, LocalDate from, LocalDate to) {
		JsonNode categories = section(json, "categories");
		long parts = 0;
		for (JsonNode line : categories.get("lines")) {
			if (line.get("kind").asText().equals("PART")) {
				parts += line.get("count").asLong();
			}
		}
		assertThat(parts).isEqualTo(TotalsFixture.closedLogs(from, to, false));
		assertThat(categories.get("total").asLong()).isEqualTo(parts);
		JsonNode manual = categories.get("lines").get(categories.get("lines").size() - 1);
		assertThat(manual.get("kind").asText()).isEqualTo("SUBSET");
		assertThat(manual.get("count").asLong()).isEqualTo(TotalsFixture.closedLogs(from, to, true));

		JsonNode escalations = section(json, "escalations");
		assertThat(escalations.get("total").isNull()).isTrue();
		List<Long> counts = new ArrayList<>();
		escalations.get("lines").forEach(l -> {
			if (l.get("kind").asText().equals("COUNT")) {
				counts.add(l.get("count").asLong());
			}
		});
		assertThat(counts).isEqualTo(TotalsFixture.escalationCounts(from, to));
		JsonNode age = escalations.get("lines").get(6);
		assertThat(age.get("kind").asText()).isEqualTo("MEASURE");
		assertThat(age.get("unit").asText()).isEqualTo("OPEN_DAYS");
		assertThat(age.get("value").asLong()).isEqualTo(TotalsFixture.oldestOpenAge(to));
	}

	private static JsonNode section(JsonNode json, String key) {
		for (JsonNode s : json.get("sections")) {
			if (s.get("key").asText().equals(key)) {
				return s;
			}
		}
		throw new AssertionError("no section " + key);
	}

	private static long sum(JsonNode rows, String field) {
		long sum = 0;
		for (JsonNode row : rows) {
			sum += row.get(field).asLong();
		}
		return sum;
	}

	private static List<String> labels(JsonNode rows) {
		List<String> labels = new ArrayList<>();
		rows.forEach(r -> labels.add(r.get("label").asText()));
		return labels;
	}

	// --- XLSX ---

	/** Columns of a breakdown: 1 受電, 2 応答, 3 応答率, 4 放棄, 5 タイムアウト, 6 回線上限, 7 時間外, 10 20秒以内応答率. */
	private static void assertRow(List<Object> row, Object label, Expected e) {
		assertThat(row.get(0)).isEqualTo(label);
		assertThat(numbers(row, 1, 2, 4, 5, 6, 7)).as("%s", label).containsExactly((double) e.received(),
				(double) e.answered(), (double) e.abandoned(), (double) e.timedOut(), (double) e.refused(),
				(double) e.outOfHours());
		if (e.received() == 0) {
			assertThat(row.get(3)).isEqualTo("—");
		} else {
			assertThat((Double) row.get(3)).as("%s rate", label).isEqualTo((double) e.answered() / e.received());
			assertThat((Double) row.get(10)).as("%s within 20 s", label).isEqualTo((double) e.prompt() / e.received());
		}
	}

	/** The rows' counts add up to the total row's, and the total's rate is its answered ÷ received. */
	private static void assertAddsUp(List<List<Object>> rows, List<Object> total) {
		for (int column : new int[] { 1, 2, 4, 5, 6, 7 }) {
			double sum = rows.stream().mapToDouble(r -> (Double) r.get(column)).sum();
			assertThat(sum).as("column %d of %d rows", column, rows.size()).isEqualTo((Double) total.get(column));
		}
		assertThat((Double) total.get(3)).isEqualTo((Double) total.get(2) / (Double) total.get(1));
	}

	private static void assertSectionsXlsx(Sheet sheet, LocalDate from, LocalDate to) {
		List<List<Object>> categories = xlsxTable(sheet, "問合せ区分別件数");
		int totalAt = indexOf(categories, "合計");
		double parts = categories.subList(0, totalAt).stream().mapToDouble(r -> (Double) r.get(2)).sum();
		assertThat(categories.get(totalAt).get(2)).isEqualTo(parts);
		assertThat(parts).isEqualTo((double) TotalsFixture.closedLogs(from, to, false));
		assertThat(categories.subList(totalAt + 1, categories.size())).singleElement()
				.satisfies(r -> assertThat(r).containsExactly("うち手動記録（電話システム外）", "",
						(double) TotalsFixture.closedLogs(from, to, true)));

		List<List<Object>> escalations = xlsxTable(sheet, "エスカレーション");
		assertThat(escalations).extracting(r -> r.get(0)).doesNotContain("合計");
		List<Long> expected = TotalsFixture.escalationCounts(from, to);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(escalations.get(i).get(1)).isEqualTo((double) expected.get(i));
		}
		assertThat(escalations.get(6)).containsExactly("最も古い未完了案件の経過日数",
				(double) TotalsFixture.oldestOpenAge(to));
	}

	/**
	 * A table's data rows: after the row whose first cell is the title, the note and the header, up to the first
	 * empty row. Numbers as Double, text as String.
	 */
	static List<List<Object>> xlsxTable(Sheet sheet, String title) {
		int r = sheet.getFirstRowNum();
		while (r <= sheet.getLastRowNum() && !title.equals(first(sheet.getRow(r)))) {
			r++;
		}
		assertThat(r).as("table %s", title).isLessThanOrEqualTo(sheet.getLastRowNum());
		r++;
		while (sheet.getRow(r).getPhysicalNumberOfCells() == 1) {
			r++; // the note
		}
		r++; // the header
		List<List<Object>> rows = new ArrayList<>();
		for (; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || row.getPhysicalNumberOfCells() <= 1) {
				break;
			}
			List<Object> values = new ArrayList<>();
			for (Cell cell : row) {
				values.add(cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
						: cell.getStringCellValue());
			}
			rows.add(values);
		}
		return rows;
	}

	private static String first(Row row) {
		return row == null || row.getCell(0) == null || row.getCell(0).getCellType() != CellType.STRING ? null
				: row.getCell(0).getStringCellValue();
	}

	private static String text(Sheet sheet) {
		StringBuilder b = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> {
			if (cell.getCellType() == CellType.STRING) {
				b.append(cell.getStringCellValue()).append('\n');
			}
		}));
		return b.toString();
	}

	private static <T> T single(List<T> rows) {
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static int indexOf(List<List<Object>> rows, String first) {
		for (int i = 0; i < rows.size(); i++) {
			if (first.equals(rows.get(i).get(0))) {
				return i;
			}
		}
		throw new AssertionError("no row " + first);
	}

	private static List<Double> numbers(List<Object> row, int... columns) {
		return Arrays.stream(columns).mapToObj(c -> (Double) row.get(c)).toList();
	}

	private static int dayOfMonth(String label) {
		var m = DAY.matcher(label);
		assertThat(m.matches()).as(label).isTrue();
		return Integer.parseInt(m.group(2));
	}

	// --- PDF ---

	/** A breakdown row read from the PDF: label, 受電, 応答, 応答率, 放棄, タイムアウト, 回線上限, 時間外, 平均待ち, 最長待ち, 20秒以内. */
	private static void assertPdfRow(List<String> row, Expected e) {
		assertThat(row.subList(1, 11)).as(row.get(0)).containsExactly(count(e.received()), count(e.answered()),
				e.rateText(), count(e.abandoned()), count(e.timedOut()), count(e.refused()), count(e.outOfHours()),
				e.averageWaitText(), e.longest() == null ? "—" : String.format(Locale.ROOT, "%.1f", e.longest()),
				e.promptText());
	}

	/** The rows' counts add up to the total's, and the total's rate is recomputed from its own counts. */
	private static void assertPdfAddsUp(List<List<String>> rows, List<String> total) {
		for (int column : new int[] { 1, 2, 4, 5, 6, 7 }) {
			long sum = rows.stream().mapToLong(r -> Long.parseLong(r.get(column).replace(",", ""))).sum();
			assertThat(count(sum)).as("column %d of %d rows", column, rows.size()).isEqualTo(total.get(column));
		}
		long received = Long.parseLong(total.get(1).replace(",", ""));
		long answered = Long.parseLong(total.get(2).replace(",", ""));
		assertThat(total.get(3)).isEqualTo(Expected.percent(answered, received));
	}

	private static void assertSectionsPdf(String pdf, LocalDate from, LocalDate to) {
		List<String> lines = pdf.lines().toList();
		int start = lines.indexOf("問合せ区分別件数");
		int end = lines.indexOf("エスカレーション");
		assertThat(start).isPositive();
		assertThat(end).isGreaterThan(start);
		List<List<String>> categories = lines.subList(start + 1, end).stream().map(ReportTotalsIT::tokens)
				.filter(t -> !t.get(0).equals("区分") && t.get(t.size() - 1).matches("[0-9,]+"))
				.filter(t -> !String.join(" ", t).matches(".* \\d+ / \\d+")) // a page's foot
				.toList();
		int totalAt = 0;
		while (!categories.get(totalAt).get(0).equals("合計")) {
			totalAt++;
		}
		long parts = categories.subList(0, totalAt).stream().mapToLong(t -> Long.parseLong(t.get(t.size() - 1))).sum();
		assertThat(categories.get(totalAt)).containsExactly("合計", count(parts));
		assertThat(parts).isEqualTo(TotalsFixture.closedLogs(from, to, false));
		assertThat(categories.subList(totalAt + 1, categories.size())).containsExactly(
				List.of("うち手動記録（電話システム外）", count(TotalsFixture.closedLogs(from, to, true))));

		List<String> after = lines.subList(end + 1, lines.size());
		List<String> labels = List.of("受付", "市へ報告", "市の指示受領", "折返し連絡済", "完了", "期間末の未完了");
		List<Long> expected = TotalsFixture.escalationCounts(from, to);
		for (int i = 0; i < labels.size(); i++) {
			assertThat(after).contains(labels.get(i) + " " + expected.get(i) + " 件");
		}
		assertThat(after).contains("最も古い未完了案件の経過日数 " + TotalsFixture.oldestOpenAge(to) + " 開庁日");
		assertThat(after.stream().filter(l -> l.startsWith("合計"))).isEmpty();
	}

	private static List<String> pdfRow(String pdf, String label) {
		List<List<String>> rows = pdfRows(pdf, t -> t.get(0).equals(label));
		assertThat(rows).as("row %s", label).hasSize(1);
		return rows.get(0);
	}

	private static List<List<String>> pdfRows(String pdf, Predicate<List<String>> which) {
		return pdf.lines().map(ReportTotalsIT::tokens).filter(t -> !t.isEmpty() && which.test(t)).toList();
	}

	private static List<String> tokens(String line) {
		String s = line.strip();
		return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
	}

	private static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	// --- files ---

	private JsonNode json(String path) throws Exception {
		return new ObjectMapper().readTree(fetch(path, "json"));
	}

	private byte[] file(String path, String format, String name) throws Exception {
		byte[] bytes = fetch(path, format);
		Files.createDirectories(OUT);
		Files.write(OUT.resolve(name), bytes);
		return bytes;
	}

	private String pdf(String path, String name) throws Exception {
		byte[] bytes = file(path, "pdf", name);
		look(OUT.resolve(name), name.replace(".pdf", ""));
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(doc);
		}
	}

	private byte[] fetch(String path, String format) throws Exception {
		return mvc.perform(get(path).param("format", format).with(user("city-totals").roles("CITY_STAFF")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	private static void look(Path pdf, String name) throws Exception {
		ReportsFiles.png(pdf, OUT.resolve(name));
	}

	static LocalDateTime at(String tokyo) {
		return LocalDateTime.parse(tokyo);
	}
}
