package jp.ikiiki.desk.postal.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/postal/customer-barcode}. The user is set per request: the API chain is stateless.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerBarcodeApiIT {

	private static final String URL = "/api/postal/customer-barcode";
	private static final String ADDRESS = "千葉市稲毛区緑町3丁目30-8　郵便ビル403号";

	@Autowired
	MockMvc mvc;

	@Test
	void operator_gets_the_data_and_check_digit_of_the_manuals_example() throws Exception {
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "263-0023").param("address", ADDRESS))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.data").value("26300233-30-8-403"))
				.andExpect(jsonPath("$.check").value("5"))
				.andExpect(jsonPath("$.printable").value(true))
				.andExpect(jsonPath("$.reason").doesNotExist());
	}

	@Test
	void a_check_digit_that_is_a_control_code_is_written_as_the_manual_writes_it() throws Exception {
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "0140113")
				.param("address", "秋田県大仙市堀見内　南田茂木　添60-1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.data").value("014011360-1"))
				.andExpect(jsonPath("$.check").value("CC8"));
	}

	@Test
	void an_address_the_rules_cannot_handle_is_not_printable_with_a_reason() throws Exception {
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "263-0023").param("address", "緑町無番地"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.printable").value(false))
				.andExpect(jsonPath("$.reason").value(containsString("住所表示番号")))
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.check").doesNotExist());
	}

	@Test
	void a_bad_or_missing_postcode_or_address_is_refused_in_japanese_naming_the_field() throws Exception {
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "263-002").param("address", ADDRESS))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(containsString("郵便番号は7けたの数字")))
				.andExpect(jsonPath("$.field").value("郵便番号"));
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("address", ADDRESS))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value(containsString("郵便番号")));
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "263-0023"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("address"))
				.andExpect(jsonPath("$.detail").value(containsString("住所")));
	}

	@Test
	void a_town_named_with_numerals_gets_its_barcode_through_the_dictionary() throws Exception {
		mvc.perform(get(URL).with(user("op").roles("OPERATOR")).param("postcode", "730-0013")
				.param("address", "広島市中区八丁堀5-7"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.printable").value(true))
				.andExpect(jsonPath("$.data").value("73000135-7"));
	}

	@Test
	void other_roles_are_forbidden_and_anonymous_callers_unauthorised() throws Exception {
		mvc.perform(get(URL).with(user("agent").roles("AGENT")).param("postcode", "263-0023").param("address", ADDRESS))
				.andExpect(status().isForbidden());
		mvc.perform(get(URL).with(user("city").roles("CITY_STAFF")).param("postcode", "263-0023").param("address", ADDRESS))
				.andExpect(status().isForbidden());
		mvc.perform(get(URL).param("postcode", "263-0023").param("address", ADDRESS)).andExpect(status().isUnauthorized());
	}
}
