package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormLayoutsTest {

	static FormLayout parse(String json) {
		return FormLayouts.parse("test-form.json", json.getBytes(StandardCharsets.UTF_8));
	}

	static String layout(String texts) {
		return """
				{"form": "test-form", "title": "t", "page": {"widthMm": 100, "heightMm": 50},
				 "texts": [%s]}""".formatted(texts);
	}

	@Test
	void the_bundled_layouts_are_every_form_of_chapter_3_and_all_load() {
		assertThat(FormLayouts.load(null).forms()).containsExactlyInAnyOrder("booklet-cover", "subsidy-application",
				"grant-notice", "non-grant-notice", "cover-letter", "booklet-issue-notice", "group-registration-notice",
				"points-notice", "account-form", "account-reminder");
	}

	@Test
	void an_element_on_a_side_the_form_does_not_have_is_refused_and_numbered_fields_are_known() {
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 10, "yMm": 10, "sizePt": 12, "side": 2}""")))
				.hasMessageContaining("texts[0]").hasMessageContaining("side 2 is not a side of this form");
		assertThatThrownBy(() -> parse("""
				{"form": "test-form", "page": {"widthMm": 100, "heightMm": 50}, "sides": 3}"""))
				.hasMessageContaining("sides: 1 (one side) or 2");
		FormLayout two = parse("""
				{"form": "test-form", "page": {"widthMm": 100, "heightMm": 50}, "sides": 2,
				 "texts": [{"template": "{checkupPoints14} P", "xMm": 10, "yMm": 10, "sizePt": 12, "side": 2}]}""");
		assertThat(two.texts().get(0).side()).isEqualTo(2);
		assertThat(two.requiredFields()).containsExactly("checkupPoints14");
		assertThatThrownBy(() -> parse(layout("""
				{"template": "{checkupPoints15}", "xMm": 10, "yMm": 10, "sizePt": 12}""")))
				.hasMessageContaining("unknown field 'checkupPoints15'");
	}

	@Test
	void a_sound_layout_gets_its_defaults() {
		FormLayout l = parse(layout("""
				{"template": "{name}　様", "xMm": 10, "yMm": 10, "sizePt": 12}"""));
		FormLayout.Text t = l.texts().get(0);
		assertThat(t.font()).isEqualTo(jp.ikiiki.desk.shared.JapaneseFonts.Face.MINCHO);
		assertThat(t.align()).isEqualTo(FormLayout.Align.LEFT);
		assertThat(t.minSizePt()).isCloseTo(7.2, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(l.requiredFields()).containsExactly("name");
	}

	@Test
	void an_unknown_field_is_named_with_the_element_at_load_time() {
		assertThatThrownBy(() -> parse(layout("""
				{"template": "{nmae}", "xMm": 10, "yMm": 10, "sizePt": 12}""")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("test-form.json: texts[0]")
				.hasMessageContaining("unknown field 'nmae'")
				.hasMessageContaining("known: address");
	}

	@Test
	void a_position_off_the_page_is_refused_with_the_extent_and_page_size() {
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 60, "yMm": 10, "sizePt": 12, "maxWidthMm": 50}""")))
				.hasMessageContaining("texts[0]").hasMessageContaining("off the page")
				.hasMessageContaining("100.0 × 50.0 mm");
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 10, "yMm": 48, "sizePt": 12}"""))).hasMessageContaining("off the page");
		assertThatThrownBy(() -> parse("""
				{"form": "test-form", "page": {"widthMm": 100, "heightMm": 50},
				 "customerBarcode": {"xMm": 30, "yMm": 10}}""")).hasMessageContaining("customerBarcode: off the page");
		assertThatThrownBy(() -> parse("""
				{"form": "test-form", "page": {"widthMm": 100, "heightMm": 50},
				 "barcodes": [{"field": "applicationNumber", "xMm": 10, "yMm": 45, "moduleWidthMm": 0.3, "heightMm": 8}]}"""))
				.hasMessageContaining("barcodes[0] applicationNumber: off the page");
	}

	@Test
	void an_unknown_property_symbology_or_missing_required_value_is_refused() {
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 10, "yMm": 10, "sizePt": 12, "colour": "red"}""")))
				.hasMessageContaining("texts[0]").hasMessageContaining("colour");
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 10, "yMm": 10}"""))).hasMessageContaining("sizePt");
		assertThatThrownBy(() -> parse("""
				{"form": "test-form", "page": {"widthMm": 100, "heightMm": 50},
				 "barcodes": [{"field": "applicationNumber", "xMm": 10, "yMm": 10, "symbology": "QR_CODE",
				 "moduleWidthMm": 0.3, "heightMm": 8}]}""")).hasMessageContaining("symbology 'QR_CODE'");
		assertThatThrownBy(() -> parse(layout("""
				{"template": "x", "xMm": 10, "yMm": 10, "sizePt": 12, "font": "COMIC"}"""))).hasMessageContaining("font");
	}

	@Test
	void a_form_id_that_does_not_match_its_file_is_refused() {
		assertThatThrownBy(() -> FormLayouts.parse("other.json", layout("").getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("does not match the file name other.json");
	}

	@Test
	void a_layout_in_the_configured_directory_replaces_the_bundled_one_and_a_bad_one_stops_the_load(@TempDir Path dir)
			throws Exception {
		Files.writeString(dir.resolve("booklet-cover.json"), """
				{"form": "booklet-cover", "title": "site", "page": {"widthMm": 105, "heightMm": 148},
				 "texts": [{"template": "{name}", "xMm": 10, "yMm": 10, "sizePt": 20}]}""");
		FormLayouts layouts = FormLayouts.load(dir);
		assertThat(layouts.get("booklet-cover").title()).isEqualTo("site");
		assertThat(layouts.forms()).hasSize(10);
		Files.writeString(dir.resolve("cover-letter.json"), "{\"form\": \"cover-letter\", \"page\": {");
		assertThatThrownBy(() -> FormLayouts.load(dir)).hasMessageContaining("cover-letter.json").hasMessageContaining("end-of-input");
		assertThatThrownBy(() -> FormLayouts.load(dir.resolve("missing"))).hasMessageContaining("is not a directory");
	}

	@Test
	void an_unknown_form_names_the_known_ones() {
		assertThatThrownBy(() -> FormLayouts.load(null).get("poster")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Unknown form 'poster'").hasMessageContaining("grant-notice");
	}
}
