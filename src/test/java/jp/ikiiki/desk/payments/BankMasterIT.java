package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bank master against the embedded PostgreSQL: the bundled zengin-code data loaded at start-up, look-ups, and a
 * refresh from a newer file that closes a branch (kept, named, refused for a new account) and a later one that
 * reopens it.
 */
class BankMasterIT extends TallyITSupport {

	@Autowired
	BankMaster master;
	@Autowired
	MockMvc mvc;
	@Autowired
	ObjectMapper json;

	@Test
	void the_bundled_data_is_in_force_after_start_up_with_every_bank_and_branch() {
		BankMaster.Version v = master.version();
		assertThat(v.banks()).isGreaterThan(1_000);
		assertThat(v.branches()).isGreaterThan(25_000);
		assertThat(master.bank("0001")).hasValueSatisfying(b -> {
			assertThat(b.kana()).isEqualTo("ミズホ");
			assertThat(b.zenginName()).isEqualTo("ﾐｽﾞﾎ");
		});
		assertThat(master.forNewAccount("０００１", "001").zenginName()).isNotBlank();
		assertThat(master.forNewAccount("9900", "418").open()).isTrue();
	}

	@Test
	void unknown_codes_are_refused_with_the_code_and_the_bank_named() {
		assertThatThrownBy(() -> master.forNewAccount("0001", "999")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("店舗コード 999").hasMessageContaining("みずほ");
		assertThatThrownBy(() -> master.forNewAccount("0002", "001")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("金融機関コード 0002");
		assertThatThrownBy(() -> master.forNewAccount("01", "001")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("4桁");
	}

	@Test
	void a_newer_file_without_a_branch_closes_it_kept_for_history_and_a_later_one_reopens_it() throws Exception {
		LocalDate current = master.version().dataDate();
		ObjectNode data = bundled();
		byte[] full = json.writeValueAsBytes(data);
		((ObjectNode) data.get("0001").get("branches")).remove("004");
		byte[] without = json.writeValueAsBytes(data);

		BankMaster.Refresh preview = as("op1", () -> master.preview("data.json", new ByteArrayInputStream(without),
				current.plusDays(1)), "OPERATOR");
		assertThat(preview.closed()).isEqualTo(1);
		assertThat(preview.closedExamples()).containsExactly("0001-004 丸の内中央");
		assertThat(preview.applied()).isFalse();
		assertThat(master.branch("0001", "004")).hasValueSatisfying(b -> assertThat(b.open()).isTrue());

		as("op1", () -> master.apply("data.json", new ByteArrayInputStream(without), current.plusDays(1), false),
				"OPERATOR");
		assertThat(master.version().dataDate()).isEqualTo(current.plusDays(1));
		assertThat(master.branch("0001", "004")).hasValueSatisfying(b -> {
			assertThat(b.open()).isFalse();
			assertThat(b.name()).isEqualTo("丸の内中央");
		});
		assertThatThrownBy(() -> master.forNewAccount("0001", "004")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("廃止");
		assertThat(master.findBranches("0001", "丸の内", 10)).extracting(BankMaster.Branch::code).doesNotContain("004");

		// the same date again is not newer
		assertThatThrownBy(() -> as("op1", () -> master.apply("data.json", new ByteArrayInputStream(full),
				current.plusDays(1), false), "OPERATOR")).isInstanceOf(StateConflictException.class);

		BankMaster.Refresh back = as("op1", () -> master.apply("data.json", new ByteArrayInputStream(full),
				current.plusDays(2), false), "OPERATOR");
		assertThat(back.reopened()).isEqualTo(1);
		assertThat(master.forNewAccount("0001", "004").open()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where channel = '画面:銀行マスタ更新'").query(Long.class)
				.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void a_file_that_would_close_many_branches_waits_for_a_confirmation() throws Exception {
		LocalDate current = master.version().dataDate();
		byte[] onlyOne = """
				{"0001": {"code": "0001", "name": "みずほ", "kana": "ミズホ",
				  "branches": {"001": {"code": "001", "name": "東京営業部", "kana": "トウキヨウ"}}}}""".getBytes();
		BankMaster.Refresh preview = as("op1", () -> master.preview("data.json", new ByteArrayInputStream(onlyOne),
				current.plusYears(5)), "OPERATOR");
		assertThat(preview.needsConfirmation()).isTrue();
		assertThatThrownBy(() -> as("op1", () -> master.apply("data.json", new ByteArrayInputStream(onlyOne),
				current.plusYears(5), false), "OPERATOR")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("確認");
		assertThat(master.version().dataDate()).isEqualTo(current);
	}

	@Test
	void the_api_previews_a_file_and_refuses_a_bad_one_with_a_reason() throws Exception {
		LocalDate current = master.version().dataDate();
		byte[] full = json.writeValueAsBytes(bundled());
		mvc.perform(multipart("/api/payments/bank-master").file(new MockMultipartFile("file", "data.json",
				"application/json", full)).param("dataDate", current.plusDays(10).toString())
				.with(user("op1").roles("OPERATOR"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.applied").value(false)).andExpect(jsonPath("$.closed").value(0));
		mvc.perform(multipart("/api/payments/bank-master").file(new MockMultipartFile("file", "data.json",
				"application/json", "not json".getBytes())).param("dataDate", current.plusDays(10).toString())
				.with(user("op1").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").isNotEmpty());
		mvc.perform(get("/api/payments/bank-master/0001/999").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/payments/bank-master/0001/001").with(user("a1").roles("AGENT")))
				.andExpect(status().isForbidden());
		assertThat(master.version().dataDate()).isEqualTo(current);
	}

	private ObjectNode bundled() throws IOException {
		try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/payments/zengin/zengin-code.json.gz"))) {
			return (ObjectNode) json.readTree(in);
		}
	}
}
