package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.deliverables.HandoverPackages;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The handover package (第9章1(4)) at Wednesday 2026-11-25 10:00 Japan time, opened as the city's IT would: every
 * part present and checked against the running database and the calendar, and known secrets nowhere in it.
 */
@SpringBootTest(properties = { "ikiiki.ami.password=" + HandoverPackageIT.AMI_SECRET,
		"ikiiki.handover-test.api-token=" + HandoverPackageIT.TOKEN_SECRET,
		"ikiiki.handover-test.service-url=https://svc:" + HandoverPackageIT.URL_SECRET + "@example.invalid/x",
		"ikiiki.handover-test.plain=visible-value" })
@AutoConfigureMockMvc
class HandoverPackageIT {

	static final String AMI_SECRET = "Known-Ami-Secret-7f3k";
	static final String TOKEN_SECRET = "Known-Token-Secret-9q2w";
	static final String URL_SECRET = "Known-Url-Secret-4z8x";
	static final String ROOT = "ikiiki-desk-handover/";

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {
		@Bean
		@Primary
		Clock handoverTestClock() {
			return Clock.fixed(LocalDateTime.of(2026, 11, 25, 10, 0).atZone(JapanTime.ZONE).toInstant(), ZoneOffset.UTC);
		}
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Deliverables deliverables;
	@Autowired
	HandoverCommand command;

	@Test
	void the_security_administrator_downloads_a_package_with_every_part_and_the_download_is_audited() throws Exception {
		long auditedBefore = audited();
		MvcResult result = mvc.perform(get("/api/handover/package").with(user("sec1").roles("SECURITY_ADMIN")))
				.andExpect(status().isOk()).andReturn();
		byte[] zip = result.getResponse().getContentAsByteArray();
		assertThat(result.getResponse().getHeader("X-Content-SHA256")).isEqualTo(DeliverablesService.sha256(zip));
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains(".zip");
		Files.createDirectories(Path.of("target/handover"));
		Files.write(Path.of("target/handover/handover-package-sample.zip"), zip); // for a person to open
		Map<String, byte[]> entries = unzip(zip);

		// Documents: the operations manual, the architecture and the module documents, as in docs/.
		assertThat(entries).containsKeys(ROOT + "docs/operations.md", ROOT + "docs/architecture.md", ROOT + "README.txt",
				ROOT + "SHA256SUMS");
		assertThat(text(entries, "docs/operations.md")).isEqualTo(Files.readString(Path.of("docs/operations.md")));
		try (var modules = Files.list(Path.of("docs/modules"))) {
			for (Path m : modules.toList()) {
				assertThat(entries).containsKey(ROOT + "docs/modules/" + m.getFileName());
			}
		}

		// Data model: every table of the schema with its columns, types and comments; the closed audit table too.
		String columns = text(entries, "data-model/columns.csv");
		List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema()")
				.query(String.class).list();
		for (String t : tables) {
			assertThat(columns).as(t).contains("\r\n" + t + ",");
		}
		assertThat(columns).contains("deliverable_file,table,", ",sha256,character(64),true,,content の SHA-256")
				.contains("audit_record,table,");
		assertThat(text(entries, "data-model/data-model.md")).contains("## deliverable_file (table)",
				"提出物のファイル");
		assertThat(text(entries, "data-model/constraints.csv")).contains("deliverable_file_deliverable_fkey,foreign key");
		String migrations = text(entries, "data-model/flyway-migrations.csv");
		long applied = jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single();
		assertThat(migrations.split("\r\n")).hasSize((int) applied + 1);
		assertThat(migrations).contains("V78__deliverables_tables.sql", "V80__deliverables_schema_comments.sql");

		// Source revision: the commit the build was made from.
		String revision = text(entries, "source-revision.properties");
		assertThat(revision).containsPattern("git\\.commit\\.id=[0-9a-f]{40}\n")
				.contains("git.commit.id=" + HandoverPackageService.revision().getProperty("git.commit.id"));

		// Configuration in force: values kept, secrets masked.
		String configuration = text(entries, "configuration/configuration.properties");
		assertThat(configuration).contains("ikiiki.handover-test.plain=visible-value\n",
				"ikiiki.ami.password=********\n", "ikiiki.handover-test.api-token=********\n",
				"ikiiki.handover-test.service-url=https://svc:********@example.invalid/x\n")
				.contains("# effective: ikiiki.deliverables.asNeededOpenDays=3");

		// No known secret anywhere in the package, compressed or not.
		for (Map.Entry<String, byte[]> e : entries.entrySet()) {
			String content = new String(e.getValue(), StandardCharsets.ISO_8859_1);
			for (String secret : List.of(AMI_SECRET, TOKEN_SECRET, URL_SECRET)) {
				assertThat(content).as(e.getKey()).doesNotContain(secret);
			}
		}
		assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(AMI_SECRET, TOKEN_SECRET, URL_SECRET);

		// SHA256SUMS lists every other file with its hash.
		String sums = text(entries, "SHA256SUMS");
		for (Map.Entry<String, byte[]> e : entries.entrySet()) {
			if (!e.getKey().endsWith("SHA256SUMS")) {
				assertThat(sums).contains(DeliverablesService.sha256(e.getValue()) + "  "
						+ e.getKey().substring(ROOT.length()) + "\n");
			}
		}

		// Audited with its hash.
		assertThat(audited()).isEqualTo(auditedBefore + 1);
		assertThat(jdbc.sql("select detail from audit_event where username = 'sec1' and action = 'EXPORT' "
				+ "order by id desc limit 1").query(String.class).single()).contains("引継ぎパッケージ")
				.contains("SHA-256=" + DeliverablesService.sha256(zip));
	}

	@Test
	void the_checklist_lists_every_open_deliverable_up_to_march_with_a_box_the_city_can_tick() throws Exception {
		byte[] zip = mvc.perform(get("/api/handover/package").with(user("sec2").roles("SECURITY_ADMIN")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		byte[] xlsx = unzip(zip).get(ROOT + "checklist/handover-checklist.xlsx");
		// Recomputed here: the months from three before November 2026 to March 2027, what is not delivered.
		List<String> expected = new ArrayList<>();
		CurrentUser.runAsSystem(() -> {
			for (YearMonth m = YearMonth.of(2026, 8); !m.isAfter(YearMonth.of(2027, 3)); m = m.plusMonths(1)) {
				for (DeliverablePeriod p : deliverables.month(m)) {
					if (!p.state().delivered()) {
						expected.add(p.due() + "|" + p.kindLabel() + "|" + p.periodLabel() + "|" + (p.overdue() ? "期限超過" : ""));
					}
				}
			}
		}, "FLOOR_MANAGER");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheet("未了の提出物");
			DataFormatter f = new DataFormatter();
			Row header = sheet.getRow(2);
			assertThat(f.formatCellValue(header.getCell(0))).isEqualTo("市確認");
			List<String> listed = new ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				assertThat(f.formatCellValue(row.getCell(0))).isEqualTo("☐");
				listed.add(f.formatCellValue(row.getCell(1)) + "|" + f.formatCellValue(row.getCell(2)) + "|"
						+ f.formatCellValue(row.getCell(4)) + "|" + f.formatCellValue(row.getCell(6)));
			}
			assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(listed).anyMatch(l -> l.startsWith("2026-11-20|") && l.endsWith("|期限超過"))
					.anyMatch(l -> l.startsWith("2027-03-"));
			assertThat(sheet.getDataValidations()).singleElement().satisfies(v -> assertThat(
					v.getValidationConstraint().getExplicitListValues()).containsExactly("☐", "☑"));
			assertThat(wb.getSheet("引継ぎ項目").getRow(3).getCell(1).getStringCellValue()).isEqualTo("運営マニュアル");
		}
	}

	@Test
	void only_the_security_administrator_may_make_the_package() throws Exception {
		for (String role : List.of("FLOOR_MANAGER", "OPERATOR", "CITY_STAFF", "AGENT")) {
			mvc.perform(get("/api/handover/package").with(user("u-" + role).roles(role))).andExpect(status().isForbidden());
		}
	}

	@Test
	void the_command_writes_the_package_into_a_directory_and_never_overwrites_a_file(@TempDir Path dir)
			throws IOException {
		Path written = command.write(List.of(dir.toString()));
		assertThat(written.getParent()).isEqualTo(dir);
		assertThat(written.getFileName().toString()).isEqualTo("引継ぎパッケージ_20261125-1000.zip");
		assertThat(unzip(Files.readAllBytes(written))).containsKey(ROOT + "configuration/configuration.properties");
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'system' and channel = "
				+ "'コマンド --handover-package'").query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> command.write(List.of(written.toString()))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> deliverablesAsAnonymous()).isInstanceOf(Exception.class);
	}

	@Autowired
	HandoverPackages packages;

	private void deliverablesAsAnonymous() {
		packages.build("test");
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and file_name like '引継ぎパッケージ%'")
				.query(Long.class).single();
	}

	private static String text(Map<String, byte[]> entries, String path) {
		byte[] bytes = entries.get(ROOT + path);
		assertThat(bytes).as(path).isNotNull();
		String s = new String(bytes, StandardCharsets.UTF_8);
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		return entries;
	}
}
