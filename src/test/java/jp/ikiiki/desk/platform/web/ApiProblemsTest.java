package jp.ikiiki.desk.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every refusal of the API has one shape: problem+json, a Japanese title and reason, the right status. */
class ApiProblemsTest {

	@RestController
	static class Probe {
		@GetMapping("/api/probe/nul")
		String nul() {
			throw new org.springframework.dao.DataIntegrityViolationException("insert failed",
					new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00 (鷺沼)", "22021"));
		}

		@GetMapping("/api/probe/year")
		String year() {
			throw new java.time.DateTimeException("Invalid value for YearOfEra");
		}

		@GetMapping("/api/probe/missing/{id}")
		String missing(@PathVariable long id) {
			throw new NotFoundException("案件 " + id + " はありません");
		}

		@GetMapping("/api/probe/conflict")
		String conflict() {
			throw (StateConflictException) new StateConflictException("取込中です").with("importer", "operator");
		}

		@GetMapping("/api/probe/invalid")
		String invalid() {
			throw new InvalidInputException("受付日", "受付日が締切を過ぎています");
		}

		@GetMapping("/api/probe/typed")
		String typed(@RequestParam int limit, @RequestParam(required = false) LocalDate day) {
			return "ok";
		}

		@PostMapping("/api/probe/body")
		String body(@RequestBody List<Integer> numbers) {
			return "ok";
		}

		@GetMapping("/api/probe/denied")
		String denied() {
			throw new AccessDeniedException("Access Denied");
		}

		@GetMapping("/api/probe/fault")
		String fault() {
			throw new DuplicateKeyException("duplicate key value violates unique constraint (address_number)=(0001234567)");
		}
	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe()).setControllerAdvice(new ApiProblems())
			.build();

	@Test
	void not_found_is_404_with_the_reason() throws Exception {
		mvc.perform(get("/api/probe/missing/9999")).andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("見つかりません"))
				.andExpect(jsonPath("$.detail").value("案件 9999 はありません"))
				.andExpect(jsonPath("$.reason").value("案件 9999 はありません"))
				.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void a_state_conflict_is_409_with_its_properties() throws Exception {
		mvc.perform(get("/api/probe/conflict")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value("取込中です")).andExpect(jsonPath("$.importer").value("operator"));
	}

	@Test
	void invalid_input_is_422_naming_the_field() throws Exception {
		mvc.perform(get("/api/probe/invalid")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("受付日")).andExpect(jsonPath("$.reason").value("受付日が締切を過ぎています"));
	}

	@Test
	void unbindable_parameters_are_400_naming_the_parameter() throws Exception {
		mvc.perform(get("/api/probe/typed").param("limit", "abc")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("limit"))
				.andExpect(jsonPath("$.reason").value("パラメータ limit の値が正しくありません（整数）"));
		mvc.perform(get("/api/probe/typed")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.reason").value("パラメータ limit を指定してください"));
		mvc.perform(get("/api/probe/typed").param("limit", "1").param("day", "0001-13-40"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("day"));
	}

	@Test
	void an_unreadable_body_is_400() throws Exception {
		mvc.perform(post("/api/probe/body").contentType(MediaType.APPLICATION_JSON).content("{not json"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("リクエストが正しくありません"));
	}

	@Test
	void a_wrong_method_is_405() throws Exception {
		mvc.perform(post("/api/probe/conflict")).andExpect(status().isMethodNotAllowed())
				.andExpect(header().exists("Allow"));
	}

	@Test
	void access_denied_is_403() throws Exception {
		mvc.perform(get("/api/probe/denied")).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.reason").value("この操作を行う権限がありません"));
	}

	@Test
	void a_fault_is_500_with_an_incident_and_without_the_values_it_failed_on() throws Exception {
		mvc.perform(get("/api/probe/fault")).andExpect(status().isInternalServerError())
				.andExpect(jsonPath("$.incident").isString())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("0001234567"))));
	}

	@Test
	void the_log_description_of_a_fault_has_no_message() {
		String described = SafeThrowables.describe(new RuntimeException("wrapper 田中",
				new DuplicateKeyException("Key (address_number)=(0001234567) already exists")));
		org.assertj.core.api.Assertions.assertThat(described).contains("DuplicateKeyException")
				.doesNotContain("0001234567").doesNotContain("田中");
	}

	@Test
	void a_value_the_database_refuses_as_data_is_400_not_a_fault_and_does_not_echo_it() throws Exception {
		mvc.perform(get("/api/probe/nul")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.reason").value("使えない文字（NUL など）が含まれています"))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("鷺沼"))));
	}

	@Test
	void a_date_out_of_range_is_400() throws Exception {
		mvc.perform(get("/api/probe/year")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.reason").value("日付・時刻が扱える範囲を超えています"));
	}
}
