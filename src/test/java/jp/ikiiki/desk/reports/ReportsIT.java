package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.internal.ReportScheduler;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily report and monthly summary from hand-made call records with known counts: exact JSON figures, the
 * gap flag, a contributed section, the XLSX read back with POI (and converted by LibreOffice), the PDF's text,
 * stored versions, the audit of downloads and the roles of the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportsIT {

	static final Path OUT = Path.of("target", "reports");

	/** A section as another module would contribute it; asserted by its key only. */
	@TestConfiguration
	static class TestSection {
		@Bean
		ReportContribution testSection() {
			return new ReportContribution() {
				@Override
				public String key() {
					return "test-section";
				}

				@Override
				public String title() {
					return "テスト用の区分";
				}

				@Override
				public int order() {
					return 999;
				}

				@Override
				public List<ReportLine> lines(LocalDate from, LocalDate to) {
					return List.of(new ReportLine.Part("テスト群", "期間 " + from + "〜" + to, 7),
							new ReportLine.Part("テスト群", "ゼロ件の項目", 0));
				}
			};
		}
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	CityReports reports;
	@Autowired
	ReportScheduler scheduler;

	@BeforeEach
	void tuesday() {
		ReportFixtures.empty(jdbc);
		ReportFixtures.tuesday(jdbc);
		ReportFixtures.gap(jdbc, ReportFixtures.TUESDAY, "14:00", "14:20");
	}

	@Test
	void the_json_report_has_the_exact_figures_of_the_day_under_the_named_definition() throws Exception {
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("DAILY"))
				.andExpect(jsonPath("$.received").value(10))
				.andExpect(jsonPath("$.answered").value(6))
				.andExpect(jsonPath("$.answerRate").value(0.6))
				.andExpect(jsonPath("$.meetsTarget").value(false))
				.andExpect(jsonPath("$.definition").value("contract"))
				.andExpect(jsonPath("$.abandoned").value(2))
				.andExpect(jsonPath("$.timedOut").value(1))
				.andExpect(jsonPath("$.refused").value(1))
				.andExpect(jsonPath("$.outOfHours").value(2))
				.andExpect(jsonPath("$.longestWaitSeconds").value(40.0))
				.andExpect(jsonPath("$.averageWaitSeconds").value(15.556))
				.andExpect(jsonPath("$.answeredWithinShare").value(0.4))
				.andExpect(jsonPath("$.serviceLevelSeconds").value(20))
				.andExpect(jsonPath("$.halfDays[0].label").value("午前"))
				.andExpect(jsonPath("$.halfDays[0].received").value(6))
				.andExpect(jsonPath("$.halfDays[0].answered").value(3))
				.andExpect(jsonPath("$.halfDays[0].outOfHours").value(1))
				.andExpect(jsonPath("$.halfDays[1].received").value(4))
				.andExpect(jsonPath("$.halfDays[1].answerRate").value(0.75))
				.andExpect(jsonPath("$.hours.length()").value(12))
				.andExpect(jsonPath("$.hours[0].label").value("7時台"))
				.andExpect(jsonPath("$.hours[?(@.period == '2026-11-17T09')].received", contains(3)))
				.andExpect(jsonPath("$.hours[?(@.period == '2026-11-17T09')].answered", contains(2)))
				.andExpect(jsonPath("$.hours[?(@.period == '2026-11-17T12')].received", contains(0)))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].title", contains("テスト用の区分")))
				.andExpect(jsonPath("$.complete").value(true))
				.andExpect(jsonPath("$.halfHours.length()").value(18))
				.andExpect(jsonPath("$.halfHours[0].label").value("8:30"))
				.andExpect(jsonPath("$.halfHours[?(@.period == '2026-11-17T09:00')].received", contains(2)))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].lines[0].count", contains(7)))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].lines[0].kind", contains("PART")))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].total", contains(7)))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].lines[0].label",
						contains("期間 2026-11-17〜2026-11-17")));
	}

	@Test
	void a_gap_in_the_telephony_data_is_flagged_on_the_day_the_afternoon_and_the_hour_only() throws Exception {
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("city").roles("CITY_STAFF")))
				.andExpect(jsonPath("$.gap").value(true))
				.andExpect(jsonPath("$.halfDays[0].gap").value(false))
				.andExpect(jsonPath("$.halfDays[1].gap").value(true))
				.andExpect(jsonPath("$.hours[?(@.period == '2026-11-17T14')].gap", contains(true)))
				.andExpect(jsonPath("$.hours[?(@.period == '2026-11-17T13')].gap", contains(false)));
		mvc.perform(get("/api/reports/daily/2026-11-16").with(user("city").roles("CITY_STAFF")))
				.andExpect(jsonPath("$.gap").value(false))
				.andExpect(jsonPath("$.received").value(0))
				.andExpect(jsonPath("$.answerRate").doesNotExist());
	}

	@Test
	void the_monthly_summary_has_a_row_per_open_day_and_the_month_totals() throws Exception {
		mvc.perform(get("/api/reports/monthly/2026-11").with(user("manager").roles("FLOOR_MANAGER")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("MONTHLY"))
				.andExpect(jsonPath("$.received").value(10))
				.andExpect(jsonPath("$.answered").value(6))
				.andExpect(jsonPath("$.answerRate").value(0.6))
				.andExpect(jsonPath("$.averageWaitSeconds").value(15.556))
				.andExpect(jsonPath("$.answeredWithinShare").value(0.4))
				.andExpect(jsonPath("$.gap").value(true))
				// November 2026: 21 weekdays less 文化の日 (3rd) and 勤労感謝の日 (23rd)
				.andExpect(jsonPath("$.days.length()").value(19))
				.andExpect(jsonPath("$.days[?(@.period == '2026-11-17')].received", contains(10)))
				.andExpect(jsonPath("$.days[?(@.period == '2026-11-17')].label", contains("11月17日(火)")))
				.andExpect(jsonPath("$.sections[?(@.key == 'test-section')].lines[0].label",
						contains("期間 2026-11-01〜2026-11-30")));
	}

	@Test
	void agents_and_operators_may_not_read_reports() throws Exception {
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("agent").roles("AGENT")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/reports/monthly/2026-11").with(user("agent").roles("AGENT")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("op").roles("OPERATOR")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/reports/daily/2026-11-17")).andExpect(status().isUnauthorized());
	}

	@Test
	void city_staff_read_reports_but_only_floor_managers_make_a_new_version() {
		signIn("city-g", "CITY_STAFF");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.generateDaily(ReportFixtures.TUESDAY))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.generateMonthly(java.time.YearMonth.of(2026, 11)))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(reports.preview(ReportFixtures.TUESDAY).received()).isEqualTo(10);
	}

	@Test
	void bad_dates_future_days_and_unknown_formats_are_refused_with_a_reason() throws Exception {
		mvc.perform(get("/api/reports/daily/2026-13-01").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("day")));
		mvc.perform(get("/api/reports/monthly/2026-13").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("month")));
		mvc.perform(get("/api/reports/daily/2099-01-05").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value(containsString("未来")))
				.andExpect(jsonPath("$.field").value("day"));
		mvc.perform(get("/api/reports/daily/0026-11-17").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("day"));
		mvc.perform(get("/api/reports/monthly/1999-12").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/reports").param("kind", "WEEKLY").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/reports/abc").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/reports").param("limit", "-5").param("offset", "-3").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/reports/monthly/2099-01").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("month"));
		mvc.perform(get("/api/reports/daily/2026-11-17").param("format", "docx").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("format"));
	}

	@Test
	void no_such_report_is_not_found_and_a_stored_one_is_served_by_its_id() throws Exception {
		mvc.perform(get("/api/reports/987654321").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("報告書 987654321 はありません"));
		signIn("manager-r", "FLOOR_MANAGER");
		StoredReport stored = reports.generateDaily(ReportFixtures.TUESDAY);
		mvc.perform(get("/api/reports/" + stored.id()).with(user("city-id").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/pdf"))
				.andExpect(header().string("Content-Disposition", containsString("_v1.pdf")));
		mvc.perform(get("/api/reports").param("unread", "true").with(user("city-id").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + stored.id() + ")]").isEmpty());
		mvc.perform(get("/api/reports").param("unread", "true").with(user("city-other").roles("CITY_STAFF")))
				.andExpect(jsonPath("$[?(@.id == " + stored.id() + ")].received", contains(10)))
				.andExpect(jsonPath("$[?(@.id == " + stored.id() + ")].complete", contains(true)));
	}

	@Test
	void the_inbox_sorts_by_the_column_asked_filters_unread_and_kind_and_counts_what_it_lists() {
		signIn("manager-s", "FLOOR_MANAGER");
		StoredReport tuesday = reports.generateDaily(ReportFixtures.TUESDAY);
		StoredReport monday = reports.generateDaily(ReportFixtures.TUESDAY.minusDays(1));
		StoredReport november = reports.generateMonthly(java.time.YearMonth.of(2026, 11));
		reports.download(monday.id(), ReportFormat.PDF, "test");

		assertThat(reports.inbox(InboxQuery.ALL, 0, 10)).extracting(StoredReport::id)
				.containsExactly(tuesday.id(), monday.id(), november.id());
		assertThat(reports.inbox(new InboxQuery(false, null, InboxQuery.Sort.RECEIVED, true), 0, 10))
				.extracting(StoredReport::received).containsExactly(10L, 10L, 0L);
		assertThat(reports.inbox(new InboxQuery(false, null, InboxQuery.Sort.ANSWER_RATE, false), 0, 10))
				.extracting(StoredReport::id).containsExactly(tuesday.id(), november.id(), monday.id());
		assertThat(reports.inbox(new InboxQuery(false, null, InboxQuery.Sort.READ, true), 0, 10))
				.extracting(StoredReport::read).containsExactly(false, false, true);
		InboxQuery unreadDaily = new InboxQuery(true, ReportKind.DAILY, InboxQuery.Sort.PERIOD, true);
		assertThat(reports.inbox(unreadDaily, 0, 10)).extracting(StoredReport::id).containsExactly(tuesday.id());
		assertThat(reports.count(unreadDaily)).isEqualTo(1);
		assertThat(reports.count(InboxQuery.ALL)).isEqualTo(3);
		assertThat(reports.unread()).isEqualTo(2);
		assertThat(reports.inbox(InboxQuery.ALL, 1, 1)).extracting(StoredReport::id).containsExactly(monday.id());
	}

	@Test
	void a_stored_report_is_served_as_generated_and_regenerating_adds_a_version() throws Exception {
		signIn("manager-r", "FLOOR_MANAGER");
		StoredReport first = reports.generateDaily(ReportFixtures.TUESDAY);
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.generatedBy()).isEqualTo("manager-r");
		assertThat(first.scheduled()).isFalse();
		assertThat(first.received()).isEqualTo(10);
		assertThat(first.gap()).isTrue();

		// A call recorded later does not change what was generated...
		ReportFixtures.call(jdbc, ReportFixtures.TUESDAY, "15:00", "ANSWERED", true, 1);
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("city").roles("CITY_STAFF")))
				.andExpect(jsonPath("$.received").value(10));
		// ...a regeneration does, and keeps the first version
		signIn("manager-r", "FLOOR_MANAGER");
		StoredReport second = reports.generateDaily(ReportFixtures.TUESDAY);
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.received()).isEqualTo(11);
		mvc.perform(get("/api/reports/daily/2026-11-17").with(user("city").roles("CITY_STAFF")))
				.andExpect(jsonPath("$.received").value(11));
		signIn("manager-r", "FLOOR_MANAGER");
		assertThat(reports.inbox(InboxQuery.ALL, 0, 50)).extracting(StoredReport::id).contains(first.id(), second.id());
		assertThat(reports.download(first.id(), ReportFormat.JSON, "test").content())
				.asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"received\":10");
	}

	@Test
	void an_xlsx_download_is_audited_and_reads_back_with_the_figures_and_number_formats() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/reports/daily/2026-11-17").param("format", "xlsx")
						.with(user("city-x").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(content().contentType(ReportFormat.XLSX.contentType()))
				.andExpect(header().string("Content-Disposition", containsString("2026-11-17.xlsx")))
				.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("日報");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("令和8年11月17日（火）");
			Row day = row(sheet, "終日");
			assertThat(day.getCell(1).getNumericCellValue()).isEqualTo(10);
			assertThat(day.getCell(2).getNumericCellValue()).isEqualTo(6);
			assertThat(day.getCell(3).getNumericCellValue()).isEqualTo(0.6);
			assertThat(day.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(day.getCell(11).getStringCellValue()).isEqualTo("欠落");
			assertThat(row(sheet, "9時台").getCell(1).getNumericCellValue()).isEqualTo(3);
			assertThat(row(book.getSheet("内訳"), "テスト群").getCell(2).getNumericCellValue()).isEqualTo(7);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'city-x' and action = 'DOWNLOAD' "
				+ "and file_name = '日報_2026-11-17.xlsx'").query(Integer.class).single()).isEqualTo(1);
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("it-daily.xlsx"), xlsx);
	}

	@Test
	void libreoffice_converts_the_xlsx_to_pdf() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/reports/daily/2026-11-17").param("format", "xlsx")
				.with(user("city").roles("CITY_STAFF"))).andReturn().getResponse().getContentAsByteArray();
		Path dir = Files.createDirectories(OUT.resolve("soffice"));
		Path file = dir.resolve("daily-2026-11-17.xlsx");
		Files.write(file, xlsx);
		Path pdf = ReportsFiles.soffice(file);
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("令和8年11月17日", "60.0%");
		}
		png(pdf, dir.resolve("daily-2026-11-17-libreoffice"));
	}

	@Test
	void the_pdf_names_the_definition_in_its_header_warns_of_the_gap_and_shows_the_section() throws Exception {
		byte[] pdf = mvc.perform(get("/api/reports/daily/2026-11-17").param("format", "pdf")
						.with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/pdf"))
				.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("コールセンター日報", "令和8年11月17日（火）", "応答率の定義: contract",
					"受電 10 件　応答 6 件　応答率 60.0%（目標 90.0% 以上: 未達）", "【注意】", "欠落", "9時台",
					"テスト用の区分", "期間 2026-11-17〜2026-11-17");
		}
		Files.createDirectories(OUT);
		Path file = OUT.resolve("it-daily.pdf");
		Files.write(file, pdf);
		png(file, OUT.resolve("it-daily"));
	}

	@Test
	void the_scheduler_generates_the_days_missed_while_down_as_the_system_once() throws Exception {
		// Thursday 2026-11-19 09:00 Tokyo: Tuesday's and Wednesday's reports are due, Thursday's is not.
		List<Long> made = scheduler.runDue(java.time.Instant.parse("2026-11-19T00:00:00Z"));
		assertThat(made).isNotEmpty();
		List<String> daily = jdbc.sql("select period from report where kind = 'DAILY' and scheduled "
				+ "and generated_by = 'system' order by period").query(String.class).list();
		assertThat(daily).contains("2026-11-17", "2026-11-18").doesNotContain("2026-11-19", "2026-11-15", "2026-11-03");
		assertThat(jdbc.sql("select received from report where kind = 'DAILY' and period = '2026-11-17'")
				.query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'system' and action = 'CREATE' "
				+ "and file_name = '日報_2026-11-17'").query(Integer.class).single()).isGreaterThanOrEqualTo(1);
		// Back again: nothing more to do.
		assertThat(scheduler.runDue(java.time.Instant.parse("2026-11-19T00:30:00Z"))).isEmpty();
	}

	@Test
	void the_monthly_summary_is_generated_on_the_first_open_day_of_the_next_month() {
		// Monday 2026-11-02 is November's first open day; at 9:00 October's summary is due.
		scheduler.runDue(java.time.Instant.parse("2026-11-01T23:00:00Z"));
		assertThat(jdbc.sql("select count(*) from report where kind = 'MONTHLY' and period = '2026-10'")
				.query(Integer.class).single()).isEqualTo(0);
		scheduler.runDue(java.time.Instant.parse("2026-11-02T00:00:00Z"));
		assertThat(jdbc.sql("select count(*) from report where kind = 'MONTHLY' and period = '2026-10' and scheduled")
				.query(Integer.class).single()).isEqualTo(1);
	}

	/** MockMvc clears the security context after each request: service calls set their own. */
	static void signIn(String username, String role) {
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(username,
						null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role))));
	}

	@org.junit.jupiter.api.AfterEach
	void signOut() {
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	static Row row(Sheet sheet, String label) {
		for (Row row : sheet) {
			var first = row.getCell(0);
			if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& label.equals(first.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
	}

	/** Renders a PDF to PNG with pdftoppm, to look at. */
	static void png(Path pdf, Path prefix) throws Exception {
		ReportsFiles.png(pdf, prefix);
	}
}
