package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.apache.fontbox.ttf.CmapLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrintabilityTest {

	static List<CmapLookup> mincho;
	/** A CJK Extension G character IPAex Mincho has no glyph for. */
	static final String MISSING = new String(Character.toChars(0x30000));

	@BeforeAll
	static void fonts() throws Exception {
		mincho = List.of(JapaneseFonts.parse(JapaneseFonts.Face.MINCHO).getUnicodeCmapLookup());
		assertThat(mincho.get(0).getGlyphId(0x30000)).as("test premise: glyph missing").isZero();
	}

	@Test
	void ordinary_names_and_addresses_print_as_they_are() {
		assertThat(Printability.offending("広島　花子", mincho)).isEmpty();
		assertThat(Printability.offending("広島市中区基町10-52　いきいき荘201号", mincho)).isEmpty();
	}

	@Test
	void the_placeholders_of_the_city_files_are_listed_once_each_in_order() {
		assertThat(Printability.offending("山■・■〓", mincho)).containsExactly("■", "・", "〓");
		assertThat(Printability.offending("ｱｲ･ｳ", mincho)).containsExactly("･");
	}

	@Test
	void placeholders_count_only_where_asked_but_a_missing_glyph_always_does() {
		assertThat(Printability.offending("バス・電車券", mincho, false)).isEmpty();
		assertThat(Printability.offending("バス・" + MISSING, mincho, false)).containsExactly(MISSING);
	}

	@Test
	void a_character_outside_the_basic_plane_is_one_character_not_two_halves() {
		List<String> chars = Printability.characters("a" + MISSING + "b");
		assertThat(chars).containsExactly("a", MISSING, "b");
		assertThat(Printability.offending("田" + MISSING, mincho)).containsExactly(MISSING);
	}

	@Test
	void a_variation_sequence_is_one_character_and_is_listed_since_only_its_base_glyph_would_print() {
		String ivs = "葛" + new String(Character.toChars(0xE0100));
		assertThat(Printability.characters(ivs + "西")).containsExactly(ivs, "西");
		assertThat(Printability.offending("葛西", mincho)).isEmpty();
		assertThat(Printability.offending(ivs + "西", mincho)).containsExactly(ivs);
		assertThat(Printability.offending("\uFE00", mincho)).containsExactly("\uFE00");
	}

	@Test
	void control_and_private_use_characters_are_listed() {
		assertThat(Printability.offending("a\tb\uE000", mincho)).containsExactly("\t", "\uE000");
	}

	@Test
	void decisions_replace_the_persons_character_or_print_the_kana_form_and_the_rest_stays_undecided() {
		FormLayout layout = FormLayouts.load(null).get("cover-letter");
		Map<String, String> f = new HashMap<>(RenderedPagesTest.sample("cover-letter").fields());
		f.put("name", "山■　" + MISSING + "子");
		PrintItem a = new PrintItem("1", f);
		PrintItem b = new PrintItem("2", f);
		FormRenderer renderer = new FormRenderer();

		List<UnprintableText> none = renderer.undecided(layout, List.of(a, b), DecisionSet.NONE);
		assertThat(none).extracting(UnprintableText::subjectId).containsExactly("1", "2");
		assertThat(none.get(0).characters()).containsExactly("■", MISSING);

		DecisionSet some = DecisionSet.of(List.of(CharacterDecision.replace("1", "name", "■", "﨑", null),
				CharacterDecision.replace(null, "*", MISSING, "吉", null), CharacterDecision.kana("2", "name", null)));
		assertThat(renderer.undecided(layout, List.of(a, b), some)).isEmpty();
		assertThat(some.apply("1", "name", f.get("name"), f)).isEqualTo("山﨑　吉子");
		assertThat(some.apply("2", "name", f.get("name"), f)).isEqualTo("ヒロシマ　ハナコ");

		DecisionSet onlyGlobal = DecisionSet.of(List.of(CharacterDecision.replace(null, "*", MISSING, "吉", null)));
		List<UnprintableText> left = renderer.undecided(layout, List.of(a), onlyGlobal);
		assertThat(left).singleElement().satisfies(u -> {
			assertThat(u.text()).isEqualTo("山■　吉子");
			assertThat(u.characters()).containsExactly("■");
		});
	}
}
