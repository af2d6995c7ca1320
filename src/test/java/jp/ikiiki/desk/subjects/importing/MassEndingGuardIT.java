package jp.ikiiki.desk.subjects.importing;

import static jp.ikiiki.desk.subjects.importing.TestFiles.indexRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The mass-ending guard: a full file that would end almost everyone is held, not applied, until a floor manager
 * confirms it with the exact number it ends. Each test starts from 3,000 active index subjects of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "guard-op", roles = "OPERATOR")
class MassEndingGuardIT {

	private static final int POPULATION = 3000;

	@Autowired SubjectImports imports;
	@Autowired SubjectImportHistory history;
	@Autowired JdbcClient jdbc;
	@Autowired MockMvc mvc;
	@Autowired List<jp.ikiiki.desk.platform.ui.WorkItems> workItems;

	@BeforeEach
	void threeThousandSubjects() {
		jdbc.sql("delete from subject").update();
		ImportOutcome full = importIndex(rows(POPULATION), ImportOptions.APPLY);
		assertThat(full.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(full.added()).isEqualTo(POPULATION);
	}

	private static List<Map<String, Object>> rows(int n) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(indexRow(String.valueOf(5_000_000 + i)));
		}
		return rows;
	}

	private ImportOutcome importIndex(List<Map<String, Object>> rows, ImportOptions options) {
		return imports.importFile(SubjectFileKind.INDEX, "index.csv",
				new ByteArrayInputStream(TestFiles.utf8(SubjectFileKind.INDEX, rows)), options);
	}

	private jp.ikiiki.desk.subjects.SubjectImportSummary find(long id) {
		return as("guard-op", "OPERATOR", () -> history.find(id).orElseThrow());
	}

	private int active() {
		return jdbc.sql("select count(*) from subject where index_ended_at is null").query(Integer.class).single();
	}

	private ImportOutcome holdFiveRows() {
		ImportOutcome held = importIndex(rows(5), ImportOptions.APPLY);
		assertThat(held.status()).isEqualTo(ImportOutcome.Status.HELD);
		return held;
	}

	@Test
	void a_five_row_file_of_existing_subjects_is_held_and_the_dry_run_says_so_first() {
		ImportOutcome dry = importIndex(rows(5), new ImportOptions(true, false));
		assertThat(dry.status()).isEqualTo(ImportOutcome.Status.DRY_RUN);
		assertThat(dry.hold()).isNotNull();
		assertThat(dry.hold().ended()).isEqualTo(2995);
		assertThat(dry.hold().active()).isEqualTo(POPULATION);
		assertThat(dry.hold().validRows()).isEqualTo(5);
		assertThat(dry.hold().reasons()).hasSize(2).first().asString().contains("2,995人");

		ImportOutcome held = importIndex(rows(5), ImportOptions.APPLY);

		assertThat(held.status()).isEqualTo(ImportOutcome.Status.HELD);
		assertThat(held.ended()).isEqualTo(2995);
		assertThat(active()).as("nothing ended").isEqualTo(POPULATION);
		var kept = find(held.importId());
		assertThat(kept.status()).isEqualTo(State.HELD);
		assertThat(kept.hold().reasons()).isEqualTo(held.hold().reasons());
		assertThat(jdbc.sql("select count(*) from subject_import_file where import_id = :id").param("id", held.importId())
				.query(Integer.class).single()).as("the file is kept for the confirmation").isPositive();
		assertThat(jdbc.sql("select detail from audit_event where action = 'IMPORT' and username = 'guard-op' order by id desc limit 1")
				.query(String.class).single()).contains("確認待ち").contains("終了=2995");
	}

	@Test
	void the_api_answers_202_with_the_hold_and_its_reasons_first() throws Exception {
		var file = new MockMultipartFile("file", "index.csv", "text/csv", TestFiles.utf8(SubjectFileKind.INDEX, rows(5)));
		mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index").with(user("guard-op").roles("OPERATOR")))
				.andExpect(status().isAccepted())
				.andExpect(jsonPath("$.status").value("HELD"))
				.andExpect(jsonPath("$.hold.ended").value(2995))
				.andExpect(jsonPath("$.hold.active").value(POPULATION))
				.andExpect(jsonPath("$.hold.reasons.length()").value(2));
		assertThat(active()).isEqualTo(POPULATION);
	}

	@Test
	void a_file_whose_every_row_is_rejected_is_never_applied_even_with_accept_valid() {
		List<Map<String, Object>> bad = rows(POPULATION);
		bad.forEach(r -> r.put("区コード", "999"));

		ImportOutcome outcome = importIndex(bad, new ImportOptions(false, true));

		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
		assertThat(outcome.rejected()).isEqualTo(POPULATION);
		assertThat(outcome.problems()).anyMatch(p -> p.reason().contains("取り込める行がありません"));
		assertThat(active()).isEqualTo(POPULATION);

		List<Map<String, Object>> noNumbers = rows(POPULATION);
		noNumbers.forEach(r -> r.put("宛名番号", "X"));
		ImportOutcome blank = importIndex(noNumbers, new ImportOptions(false, true));
		assertThat(blank.status()).isEqualTo(ImportOutcome.Status.BLOCKED);
		assertThat(active()).as("rows without a 宛名番号 end nobody").isEqualTo(POPULATION);
	}

	/** Runs as a signed-in floor manager (a confirmation is a person's act, never the system's). */
	private static <T> T asFloorManager(java.util.function.Supplier<T> work) {
		return as("guard-fm", "FLOOR_MANAGER", work);
	}

	/**
	 * Runs as a signed-in person. MockMvc requests clear the test's security context when they end, so service calls
	 * after one name their user again.
	 */
	private static <T> T as(String name, String role, java.util.function.Supplier<T> work) {
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

	@Test
	void a_confirmation_with_the_wrong_number_is_refused_and_changes_nothing() throws Exception {
		ImportOutcome held = holdFiveRows();

		assertThatThrownBy(() -> asFloorManager(() -> imports.confirm(held.importId(), 2990, "test")))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("2,995人")
				.satisfies(e -> assertThat(((InvalidInputException) e).properties()).containsEntry("ended", 2995));
		mvc.perform(post("/api/imports/subjects/" + held.importId() + "/confirmation").param("confirmEnded", "3000")
						.with(user("guard-fm").roles("FLOOR_MANAGER")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.ended").value(2995))
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("一致しない")));

		assertThat(find(held.importId()).status()).isEqualTo(State.HELD);
		assertThat(active()).isEqualTo(POPULATION);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'guard-fm' and detail like '%確認拒否%'")
				.query(Integer.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void the_right_number_from_an_operator_is_refused_for_the_role() throws Exception {
		ImportOutcome held = holdFiveRows();

		assertThatThrownBy(() -> imports.confirm(held.importId(), 2995, "test")).isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/api/imports/subjects/" + held.importId() + "/confirmation").param("confirmEnded", "2995")
						.with(user("guard-op").roles("OPERATOR")))
				.andExpect(status().isForbidden());

		assertThat(find(held.importId()).status()).isEqualTo(State.HELD);
		assertThat(active()).isEqualTo(POPULATION);
	}

	@Test
	void the_right_number_from_a_floor_manager_applies_the_held_file_and_is_audited() throws Exception {
		ImportOutcome held = holdFiveRows();

		mvc.perform(post("/api/imports/subjects/" + held.importId() + "/confirmation").param("confirmEnded", "2995")
						.with(user("guard-fm").roles("FLOOR_MANAGER")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("APPLIED"))
				.andExpect(jsonPath("$.ended").value(2995))
				.andExpect(jsonPath("$.importId").value(held.importId()));

		assertThat(active()).isEqualTo(5);
		var applied = find(held.importId());
		assertThat(applied.status()).isEqualTo(State.APPLIED);
		assertThat(applied.importedBy()).isEqualTo("guard-op");
		assertThat(applied.confirmedBy()).isEqualTo("guard-fm");
		assertThat(applied.confirmedAt()).isNotNull();
		assertThat(jdbc.sql("select count(*) from subject_import_file where import_id = :id").param("id", held.importId())
				.query(Integer.class).single()).as("the kept file is gone").isZero();
		assertThat(jdbc.sql("select detail from audit_event where action = 'IMPORT' and username = 'guard-fm' order by id desc limit 1")
				.query(String.class).single()).contains("取込済み").contains("終了=2995").contains("大量終了の確認=guard-fm");
		assertThatThrownBy(() -> asFloorManager(() -> imports.confirm(held.importId(), 2995, "again")))
				.isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_confirmation_after_the_subjects_changed_is_refused_with_the_new_number_and_the_hold_is_updated() {
		ImportOutcome held = holdFiveRows();
		// Meanwhile a corrected full file, minus one subject, is applied.
		List<Map<String, Object>> minusOne = rows(POPULATION).subList(0, POPULATION - 1);
		assertThat(importIndex(minusOne, ImportOptions.APPLY).status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(find(held.importId()).status()).as("a later applied file supersedes the hold")
				.isEqualTo(State.SUPERSEDED);

		ImportOutcome again = holdFiveRows();
		jdbc.sql("update subject set index_ended_at = now() where address_number = '5000010'").update();

		assertThatThrownBy(() -> asFloorManager(() -> imports.confirm(again.importId(), again.ended(), "test")))
				.isInstanceOf(StateConflictException.class)
				.hasMessageContaining(String.format("%,d", again.ended() - 1) + "人になりました");
		var updated = find(again.importId());
		assertThat(updated.status()).isEqualTo(State.HELD);
		assertThat(updated.ended()).isEqualTo(again.ended() - 1);
		assertThat(active()).isEqualTo(POPULATION - 2);
	}

	@Test
	void a_held_import_can_be_withdrawn_and_then_never_confirmed() {
		ImportOutcome held = holdFiveRows();

		imports.withdraw(held.importId(), "test");

		assertThat(find(held.importId()).status()).isEqualTo(State.WITHDRAWN);
		assertThat(jdbc.sql("select count(*) from subject_import_file where import_id = :id").param("id", held.importId())
				.query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> imports.withdraw(held.importId(), "test")).isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> asFloorManager(() -> imports.confirm(held.importId(), 2995, "test")))
				.isInstanceOf(StateConflictException.class);
		assertThat(active()).isEqualTo(POPULATION);
	}

	@Test
	void an_ordinary_month_applies_without_a_hold() {
		ImportOutcome outcome = importIndex(rows(POPULATION - 30), ImportOptions.APPLY);
		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(outcome.hold()).isNull();
		assertThat(outcome.ended()).isEqualTo(30);
	}

	private List<jp.ikiiki.desk.platform.ui.WorkItems.WorkItem> items() {
		return workItems.stream().flatMap(w -> w.forCurrentUser().stream()).filter(i -> i.route().startsWith("imports"))
				.toList();
	}

	@Test
	void a_held_import_is_work_for_the_floor_manager_and_shown_to_the_operator() {
		ImportOutcome held = holdFiveRows();

		var operator = items();
		assertThat(operator).extracting(i -> i.title()).contains("現場責任者の確認待ちの取込", "実行中の対象者データ取込");
		assertThat(operator).filteredOn(i -> i.route().equals("imports/held")).singleElement()
				.satisfies(i -> assertThat(i.count()).isEqualTo(1));
		var manager = asFloorManager(this::items);
		assertThat(manager).singleElement().satisfies(i -> {
			assertThat(i.title()).isEqualTo("大量終了の確認待ちの取込");
			assertThat(i.count()).isEqualTo(1);
			assertThat(i.urgency()).isEqualTo(jp.ikiiki.desk.platform.ui.WorkItems.Urgency.ATTENTION);
			assertThat(i.detail()).contains("guard-op");
		});
		assertThat(as("guard-agent", "AGENT", this::items)).isEmpty();

		imports.withdraw(held.importId(), "test");
		assertThat(asFloorManager(this::items)).singleElement().satisfies(i -> assertThat(i.count()).isZero());
	}

	@Test
	void two_floor_managers_confirming_at_once_apply_it_once_and_the_other_is_told_so() throws Exception {
		ImportOutcome held = holdFiveRows();
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Object>> both = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				both.add(pool.submit(() -> {
					start.await();
					try {
						return asFloorManager(() -> imports.confirm(held.importId(), 2995, "test"));
					} catch (StateConflictException e) {
						return e;
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (var f : both) {
				results.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(r -> r instanceof ImportOutcome o && o.status() == ImportOutcome.Status.APPLIED)
					.hasSize(1);
			assertThat(results).filteredOn(r -> r instanceof StateConflictException).hasSize(1);
		} finally {
			pool.shutdownNow();
		}
		assertThat(active()).isEqualTo(5);
		assertThat(find(held.importId()).status()).isEqualTo(State.APPLIED);
	}
}
