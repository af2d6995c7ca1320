package jp.ikiiki.desk.deliverables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deliverables calendar with a provider standing in for the module that will generate 獲得ポイント通知一覧, at
 * Wednesday 2026-11-25 10:00 Japan time: every contract line listed, the steps of a period with the second-person
 * check, the file's hash, the city's download and its audit, and the overdue flag on the home page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliverablesIT {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {
		@Bean
		@Primary
		Clock deliverablesTestClock() {
			return Clock.fixed(LocalDateTime.of(2026, 11, 25, 10, 0).atZone(JapanTime.ZONE).toInstant(), ZoneOffset.UTC);
		}

		/** Stands in for the keying module's figure, to show that a provided KPI is taken as it is. */
		@Bean
		WorkReportKpi keyingErrorRateForTest() {
			return new WorkReportKpi() {
				@Override
				public String key() {
					return "KEYING_ERROR_RATE";
				}

				@Override
				public java.util.Optional<WorkReport.Actual> actual(YearMonth month) {
					return java.util.Optional.of(new WorkReport.Actual("0.4%（項目 1,000 中 4）", 0.004, null));
				}
			};
		}

		/**
		 * Reads the database in the snapshot the calendar opened: the file names the rows the table holds. A kind of
		 * its own (not a contract line: those have their real providers in the notices, progress and payments modules).
		 */
		@Bean
		DeliverableKind twiceMonthlyListForTest(JdbcClient jdbc) {
			return new DeliverableKind() {
				@Override
				public String code() {
					return TEST_KIND;
				}

				@Override
				public String label() {
					return "テスト用一覧";
				}

				@Override
				public String category() {
					return "ポイント事業対象者";
				}

				@Override
				public String clause() {
					return "第9章1(2)";
				}

				@Override
				public DeliverableSchedule schedule() {
					return DeliverableSchedule.TWICE_MONTHLY;
				}

				@Override
				public DeliverableFile generate(String period) {
					long n = jdbc.sql("select count(*) from deliverable").query(Long.class).single();
					return new DeliverableFile("テスト用一覧_" + period + ".csv", DeliverableFile.CSV,
							("期間," + period + "\n件数," + n + "\n").getBytes(StandardCharsets.UTF_8));
				}
			};
		}
	}

	static final String TEST_KIND = "TEST_TWICE_MONTHLY_LIST";

	@Autowired
	Deliverables deliverables;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	MockMvc mvc;
	@Autowired
	List<WorkItems> workItems;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void the_month_lists_every_line_of_the_contracts_table_with_its_due_date() {
		List<DeliverablePeriod> november = as("manager", "FLOOR_MANAGER", () -> deliverables.month(YearMonth.of(2026, 11)));
		assertThat(november).extracting(DeliverablePeriod::kind, DeliverablePeriod::period, DeliverablePeriod::due)
				.contains(org.assertj.core.groups.Tuple.tuple("WORK_REPORT", "2026-10", LocalDate.of(2026, 11, 10)),
						org.assertj.core.groups.Tuple.tuple("POINT_NOTICE_LIST", "2026-11-M", LocalDate.of(2026, 11, 20)),
						org.assertj.core.groups.Tuple.tuple("POINT_NOTICE_LIST", "2026-11-L", LocalDate.of(2026, 11, 30)),
						org.assertj.core.groups.Tuple.tuple("PROGRESS_LIST", "2026-11", LocalDate.of(2026, 11, 20)),
						org.assertj.core.groups.Tuple.tuple("GROUP_DUPLICATE_CHECKLIST", "2026-11", LocalDate.of(2026, 11, 30)),
						org.assertj.core.groups.Tuple.tuple("GROUP_LIST", "2026-11", LocalDate.of(2026, 11, 20)));
		assertThat(november).filteredOn(p -> p.kind().equals("POINT_NOTICE_LIST")).allMatch(DeliverablePeriod::provided);
		assertThat(november).filteredOn(p -> p.kind().equals("GROUP_LIST")).noneMatch(DeliverablePeriod::provided);
		// 支払データ comes once per delivered payment run: none in this month
		assertThat(november).noneMatch(p -> p.kind().equals("PAYMENT_DATA"));
		assertThat(november).isSortedAccordingTo(java.util.Comparator.comparing(DeliverablePeriod::due));
	}

	@Test
	void a_period_is_generated_checked_by_a_second_person_delivered_and_downloaded_by_the_city() throws Exception {
		String kind = TEST_KIND;
		String period = "2026-09-M";
		DeliverablePeriod generated = as("op1", "OPERATOR", () -> deliverables.generate(kind, period));
		assertThat(generated.state()).isEqualTo(DeliverableState.GENERATED);
		assertThat(generated.generatedBy()).isEqualTo("op1");
		UUID file = generated.fileId();

		assertThatThrownBy(() -> as("op1", "OPERATOR", () -> deliverables.check(kind, period, file)))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("作成した本人");
		assertThatThrownBy(() -> as("op1", "OPERATOR", () -> deliverables.deliver(kind, period)))
				.isInstanceOf(StateConflictException.class);
		// The city cannot see a file before it is delivered.
		mvc.perform(get("/api/deliverables/files/" + file).with(user("city1").roles("CITY_STAFF")))
				.andExpect(status().isNotFound());

		DeliverablePeriod checked = as("manager", "FLOOR_MANAGER", () -> deliverables.check(kind, period, file));
		assertThat(checked.state()).isEqualTo(DeliverableState.CHECKED);
		assertThat(checked.checkedBy()).isEqualTo("manager");
		assertThat(as("op1", "OPERATOR", () -> deliverables.deliver(kind, period)).state())
				.isEqualTo(DeliverableState.DELIVERED);

		byte[] body = mvc.perform(get("/api/deliverables/files/" + file).with(user("city1").roles("CITY_STAFF")))
				.andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", generated.sha256()))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
				.isEqualTo(generated.sha256());
		assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("期間,2026-09-M");

		DeliverablePeriod after = as("manager", "FLOOR_MANAGER", () -> deliverables.month(YearMonth.of(2026, 9)))
				.stream().filter(p -> p.kind().equals(kind) && p.period().equals(period)).findFirst().orElseThrow();
		assertThat(after.state()).isEqualTo(DeliverableState.DOWNLOADED);
		assertThat(after.downloadedBy()).isEqualTo("city1");
		assertThat(jdbc.sql("select count(*) from deliverable_download where file_id = :f and city_staff")
				.param("f", file).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'city1' and action = 'DOWNLOAD' "
				+ "and file_name = :n").param("n", after.fileName()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_rejected_file_is_made_again_and_the_first_one_is_kept_unchanged() {
		String kind = TEST_KIND;
		String period = "2026-09-L";
		UUID first = as("op1", "OPERATOR", () -> deliverables.generate(kind, period)).fileId();
		assertThatThrownBy(() -> as("op2", "OPERATOR", () -> deliverables.reject(kind, period, first, " ")))
				.isInstanceOf(InvalidInputException.class);
		DeliverablePeriod rejected = as("op2", "OPERATOR",
				() -> deliverables.reject(kind, period, first, "件数が前回と合わない"));
		assertThat(rejected.state()).isEqualTo(DeliverableState.REJECTED);
		assertThat(rejected.checkNote()).isEqualTo("件数が前回と合わない");

		UUID second = as("op1", "OPERATOR", () -> deliverables.generate(kind, period)).fileId();
		assertThat(second).isNotEqualTo(first);
		// Checking the earlier file is refused: the checker must look at the current one.
		assertThatThrownBy(() -> as("op2", "OPERATOR", () -> deliverables.check(kind, period, first)))
				.isInstanceOf(StateConflictException.class);
		assertThat(jdbc.sql("select count(*) from deliverable_file where id in (:a, :b)").param("a", first)
				.param("b", second).query(Long.class).single()).isEqualTo(2);
		assertThatThrownBy(() -> jdbc.sql("update deliverable_file set file_name = 'x' where id = :a")
				.param("a", first).update()).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("delete from deliverable_file where id = :a").param("a", first).update())
				.hasMessageContaining("immutable");
	}

	@Test
	void a_kind_no_module_generates_yet_is_refused_and_an_unknown_period_is_not_found() {
		assertThatThrownBy(() -> as("op1", "OPERATOR", () -> deliverables.generate(DeliverableKinds.GROUP_LIST, "2026-11")))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("活動団体一覧");
		assertThatThrownBy(() -> as("op1", "OPERATOR",
				() -> deliverables.generate(DeliverableKinds.POINT_NOTICE_LIST, "2026-11")))
				.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as("op1", "OPERATOR", () -> deliverables.generate("NO_SUCH_KIND", "2026-11")))
				.isInstanceOf(NotFoundException.class);
	}

	@Test
	void an_undelivered_period_past_its_due_date_is_overdue_on_the_home_page_of_floor_managers_and_operators()
			throws Exception {
		// 2026-11-M was due on Friday 11/20 and nobody has delivered it.
		List<DeliverablePeriod> late = as("manager", "FLOOR_MANAGER", () -> deliverables.overdue(TODAY));
		assertThat(late).extracting(DeliverablePeriod::kind, DeliverablePeriod::period)
				.contains(org.assertj.core.groups.Tuple.tuple("POINT_NOTICE_LIST", "2026-11-M"))
				.doesNotContain(org.assertj.core.groups.Tuple.tuple("POINT_NOTICE_LIST", "2026-11-L"))
				// Lines no module generates yet are shown in the calendar but are nobody's overdue work.
				.noneMatch(t -> t.toList().get(0).equals("GROUP_LIST"));
		List<WorkItems.WorkItem> items = as("manager", "FLOOR_MANAGER",
				() -> workItems.stream().flatMap(w -> w.forCurrentUser().stream()).toList());
		assertThat(items).filteredOn(i -> i.route().equals("deliverables") && i.urgency() == WorkItems.Urgency.OVERDUE)
				.singleElement().satisfies(i -> assertThat(i.detail()).contains("獲得ポイント通知一覧"));
		assertThat(as("city1", "CITY_STAFF", () -> workItems.stream().flatMap(w -> w.forCurrentUser().stream())
				.filter(i -> i.route().equals("deliverables")).toList())).isEmpty();

		mvc.perform(get("/api/deliverables").param("month", "2026-11").with(user("op9").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.kind=='POINT_NOTICE_LIST' && @.period=='2026-11-M')].overdue").value(true))
				.andExpect(jsonPath("$[?(@.kind=='POINT_NOTICE_LIST' && @.period=='2026-11-M')].state").value("DUE"))
				.andExpect(jsonPath("$[?(@.kind=='POINT_NOTICE_LIST' && @.period=='2026-11-M')].due").value("2026-11-20"));
	}

	@Test
	void the_api_refuses_a_bad_month_and_agents() throws Exception {
		mvc.perform(get("/api/deliverables").param("month", "2026-13").with(user("m").roles("FLOOR_MANAGER")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/deliverables").param("month", "2026-11").with(user("a").roles("AGENT")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/deliverables/files/" + UUID.randomUUID()).with(user("m").roles("FLOOR_MANAGER")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/deliverables/files/not-a-uuid").with(user("o").roles("OPERATOR")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/deliverables/files/" + UUID.randomUUID()).with(user("o").roles("OPERATOR")))
				.andExpect(status().isNotFound());
	}

	static <T> T as(String name, String role, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
