package jp.ikiiki.desk.deliverables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.shared.JapanTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly work report for October 2026 from generated calls (a known mix per open day, one day under 90 %) and
 * escalations: every figure recomputed here from the generated list and the tables, independently of the report's
 * code; KPIs without a provider are 「データなし」; texts carried over as drafts; XLSX and PDF read back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(DeliverablesIT.Fixtures.class)
class WorkReportIT {

	static final YearMonth OCTOBER = YearMonth.of(2026, 10);
	static final Path OUT = Path.of("target", "work-report");

	record Call(LocalDate day, LocalTime at, String outcome, boolean inHours) {
	}

	@Autowired
	WorkReports reports;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	MockMvc mvc;
	@Autowired
	BusinessCalendar calendar;

	final List<Call> calls = new ArrayList<>();

	@BeforeEach
	void october() {
		jdbc.sql("delete from call_record").update();
		jdbc.sql("delete from work_report_note").update();
		int n = 0;
		for (LocalDate d : calendar.openDays(OCTOBER)) {
			int day = d.getDayOfMonth();
			// Ten calls a day spread over the hours; on the 15th four go unanswered (60 %), otherwise one in ten
			// at most; and one call after closing every day (out of hours, not received).
			for (int i = 0; i < 10; i++) {
				LocalTime at = LocalTime.of(8 + (i + day) % 9, 40);
				String outcome = day == 15 && i < 4 ? (i % 2 == 0 ? "ABANDONED" : "REFUSED")
						: (i == 9 && day % 3 == 0) ? "TIMEOUT" : "ANSWERED";
				calls.add(new Call(d, at, outcome, true));
			}
			calls.add(new Call(d, LocalTime.of(18, 5), "ANSWERED", false));
		}
		for (Call c : calls) {
			Timestamp at = Timestamp.from(c.day().atTime(c.at()).atZone(JapanTime.ZONE).toInstant());
			jdbc.sql("""
					insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, ended_at, wait_seconds,
					    hung_up_by, caller_number)
					values (:id, 'inquiry', :outcome, :inHours, :at, :at, 3, 'CALLER', '0820000000')""")
					.param("id", "work-report-" + (n++)).param("outcome", c.outcome()).param("inHours", c.inHours())
					.param("at", at).update();
		}
	}

	@Test
	void every_figure_of_the_report_equals_its_independent_recomputation() throws Exception {
		WorkReport report = DeliverablesIT.as("manager", "FLOOR_MANAGER", () -> reports.report(OCTOBER));

		// Calls: received = in-hours calls of any outcome, answered = ANSWERED (the contract's definition).
		Map<LocalDate, long[]> perDay = new TreeMap<>();
		long[] perHourReceived = new long[24];
		for (Call c : calls) {
			if (!c.inHours()) {
				continue;
			}
			long[] f = perDay.computeIfAbsent(c.day(), d -> new long[2]);
			f[0]++;
			perHourReceived[c.at().getHour()]++;
			if (c.outcome().equals("ANSWERED")) {
				f[1]++;
			}
		}
		long received = perDay.values().stream().mapToLong(f -> f[0]).sum();
		long answered = perDay.values().stream().mapToLong(f -> f[1]).sum();
		long below = perDay.values().stream().filter(f -> (double) f[1] / f[0] < 0.9).count();
		assertThat(below).isEqualTo(1);
		assertThat(report.days()).hasSize(perDay.size());
		for (WorkReport.Day d : report.days()) {
			assertThat(new long[] { d.received(), d.answered() }).as(d.day().toString()).containsExactly(perDay.get(d.day()));
		}
		for (WorkReport.Hour h : report.hours()) {
			assertThat(h.received()).as(h.hour() + "時").isEqualTo(perHourReceived[h.hour()]);
		}
		WorkReport.Kpi rate = kpi(report, "ANSWER_RATE");
		assertThat(rate.actual().value()).isCloseTo((double) answered / received, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(rate.actual().achieved()).isFalse();
		assertThat(rate.actual().text()).contains(String.format("%.1f%%", 100.0 * answered / received))
				.contains("90%未満の日 1日").contains("受電のあった開庁日 " + perDay.size() + "日");
		assertThat(kpi(report, "CALLS").actual().text())
				.isEqualTo(String.format("受電 %,d件／応答 %,d件", received, answered));

		// Escalations, from the table.
		long opened = count("select count(*) from escalation where opened_at >= :a and opened_at < :b");
		long closed = count("select count(*) from escalation where closed_at >= :a and closed_at < :b");
		long open = count("select count(*) from escalation where opened_at < :b and (closed_at is null or closed_at >= :b)");
		assertThat(kpi(report, "ESCALATIONS").actual().text())
				.startsWith(String.format("新規 %d件／完了 %d件／月末未完了 %d件", opened, closed, open));

		// Nothing due in October was delivered.
		assertThat(kpi(report, "DELIVERABLES_ON_TIME").actual().value()).isEqualTo(0.0);
		assertThat(kpi(report, "DELIVERABLES_ON_TIME").actual().achieved()).isFalse();

		// Other modules' KPIs: no provider → no number; the provided one as given.
		for (String key : List.of("MAILINGS_ON_SCHEDULE", "NOTICES_WITHIN_MONTH", "PAYMENTS_BY_DEADLINE")) {
			assertThat(kpi(report, key).actual()).as(key).isNull();
		}
		assertThat(kpi(report, "KEYING_ERROR_RATE").actual().text()).isEqualTo("0.4%（項目 1,000 中 4）");
		assertThat(report.complete()).isTrue();
	}

	@Test
	void texts_are_carried_over_as_a_draft_until_the_month_has_its_own() throws Exception {
		mvc.perform(put("/api/reports/work/2026-09/notes/ANSWER_RATE").with(user("fm").roles("FLOOR_MANAGER"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"done\":\"7月の繁忙に回線を増やした\",\"next\":\"10月発送後に増回線\"}"))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/reports/work/2026-10").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kpis[0].key").value("ANSWER_RATE"))
				.andExpect(jsonPath("$.kpis[0].done").value("7月の繁忙に回線を増やした"))
				.andExpect(jsonPath("$.kpis[0].draft").value(true))
				.andExpect(jsonPath("$.kpis[?(@.key=='PAYMENTS_BY_DEADLINE')].actual").value(org.hamcrest.Matchers.contains((Object) null)));
		DeliverablesIT.as("fm", "FLOOR_MANAGER", () -> {
			reports.saveNote(OCTOBER, "ANSWER_RATE", "15日に放棄呼が増えた", "翌月は午前の回線を1増");
			return null;
		});
		WorkReport.Kpi rate = kpi(DeliverablesIT.as("fm", "FLOOR_MANAGER", () -> reports.report(OCTOBER)), "ANSWER_RATE");
		assertThat(rate.draft()).isFalse();
		assertThat(rate.done()).isEqualTo("15日に放棄呼が増えた");
	}

	@Test
	void the_xlsx_and_pdf_carry_the_kpis_and_say_no_data_where_there_is_none() throws Exception {
		Files.createDirectories(OUT);
		byte[] xlsx = mvc.perform(get("/api/reports/work/2026-10").param("format", "xlsx")
				.with(user("city").roles("CITY_STAFF"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		Files.write(OUT.resolve("作業報告書_2026-10.xlsx"), xlsx);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = wb.getSheetAt(0);
			assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("作業報告書 2026年10月分");
			List<String> actuals = new ArrayList<>();
			for (int r = 4; r <= s.getLastRowNum(); r++) {
				Row row = s.getRow(r);
				if (row != null && row.getCell(3) != null) {
					actuals.add(row.getCell(0).getStringCellValue() + "=" + row.getCell(3).getStringCellValue());
				}
			}
			assertThat(actuals).contains("期限内の支払=データなし", "受付から1か月以内の獲得ポイント通知=データなし");
			assertThat(wb.getSheetAt(0).getDrawingPatriarch()).isNotNull();
		}
		byte[] pdf = mvc.perform(get("/api/reports/work/2026-10").param("format", "pdf")
				.with(user("fm").roles("FLOOR_MANAGER"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		Files.write(OUT.resolve("作業報告書_2026-10.pdf"), pdf);
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("作業報告書 2026年10月分", "KPI実績: データなし", "応答率（第6章2 ※1）");
			assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void the_api_refuses_a_future_month_an_unknown_format_and_other_roles() throws Exception {
		mvc.perform(get("/api/reports/work/2027-01").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/reports/work/2026-10").param("format", "doc").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/reports/work/2026-10").with(user("op").roles("OPERATOR")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/reports/work/2026-1x").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isBadRequest());
	}

	private long count(String sql) {
		Timestamp a = Timestamp.from(OCTOBER.atDay(1).atStartOfDay(JapanTime.ZONE).toInstant());
		Timestamp b = Timestamp.from(OCTOBER.plusMonths(1).atDay(1).atStartOfDay(JapanTime.ZONE).toInstant());
		return jdbc.sql(sql).param("a", a).param("b", b).query(Long.class).single();
	}

	private static WorkReport.Kpi kpi(WorkReport report, String key) {
		return report.kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
	}
}
