package jp.ikiiki.desk.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupField;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class GroupValuesTest {

	static final GroupsProperties PROPERTIES = new GroupsProperties(List.of(
			new GroupsProperties.ActivityTypeSetting("D", "地域団体の運営活動", 2),
			new GroupsProperties.ActivityTypeSetting("H", "自主防災会 災害時活動", 4)), Duration.ofMinutes(30),
			new GroupsProperties.FormImages(Path.of("target/x"), 1000, 2));

	static String convert(GroupField f, String text) {
		return GroupValues.convert(f, text, PROPERTIES);
	}

	@Test
	void keyed_values_are_stored_in_one_form_so_width_and_spacing_never_differ() {
		assertThat(convert(GroupField.NAME_KANA, "ﾓﾄﾏﾁ  ｻﾛﾝ")).isEqualTo("モトマチ　サロン");
		assertThat(convert(GroupField.NAME, " 基町  ふれあい　サロン ")).isEqualTo("基町　ふれあい　サロン");
		assertThat(convert(GroupField.CATEGORY, "５")).isEqualTo("PHARMACY");
		assertThat(convert(GroupField.CATEGORY, "general")).isEqualTo("GENERAL");
		assertThat(convert(GroupField.WARD, "中区")).isEqualTo("101");
		assertThat(convert(GroupField.WARD, "１０８")).isEqualTo("108");
		assertThat(convert(GroupField.ACTIVITY_CODES, "ｈ、d")).isEqualTo("D,H");
		assertThat(convert(GroupField.REPRESENTATIVE_PHONE, "０８２２４５１２３４")).isEqualTo("082-245-1234");
		assertThat(convert(GroupField.MEETING_PLACE, "   ")).isEmpty();
		assertThat(convert(GroupField.PUBLIC_CONTACT, null)).isEmpty();
	}

	@Test
	void every_refusal_names_its_field_and_why() {
		assertRefused(GroupField.WARD, "0", "101〜108");
		assertRefused(GroupField.WARD, "109", "101〜108");
		assertRefused(GroupField.CATEGORY, "6", "GENERAL");
		assertRefused(GroupField.ACTIVITY_CODES, "D Z", "Z");
		assertRefused(GroupField.ACTIVITY_CODES, "D D", "2回");
		assertRefused(GroupField.NAME_KANA, "基町", "カタカナ");
		assertRefused(GroupField.REPRESENTATIVE_PHONE, "110", "電話番号");
		assertRefused(GroupField.NAME, "基町\u0000", "制御文字");
		assertRefused(GroupField.NAME, "\u202Eサロン", "制御文字");
		assertRefused(GroupField.NAME, "あ".repeat(101), "上限 100");
		assertRefused(GroupField.NAME, "あ".repeat(50_000), "上限 100");
	}

	@Test
	void a_form_has_what_its_kind_needs() {
		assertThatThrownBy(() -> GroupValues.required(GroupFormKind.REGISTER, Map.of(GroupField.NAME, "x")))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("団体名（カナ）");
		assertThatThrownBy(() -> GroupValues.required(GroupFormKind.CHANGE, Map.of(GroupField.NAME, "")))
				.hasMessageContaining("変更する項目");
		assertThatThrownBy(() -> GroupValues.required(GroupFormKind.DELETE, Map.of())).hasMessageContaining("団体名");
		GroupValues.required(GroupFormKind.DELETE, Map.of(GroupField.NAME, "x"));
	}

	@Test
	void an_address_searches_its_ward_with_the_town_first_and_other_text_by_words() {
		var words = GroupsService.SearchWords.of("広島市中区基町10-1");
		assertThat(words.ward()).isEqualTo(Ward.NAKA);
		assertThat(words.town()).isEqualTo("基町");
		assertThat(GroupsService.SearchWords.of("安佐南区祇園二丁目5").town()).isEqualTo("祇園");
		assertThat(GroupsService.SearchWords.of("体操　東区").ward()).isEqualTo(Ward.HIGASHI);
		assertThat(GroupsService.SearchWords.of("体操　東区").words()).containsExactly("体操");
		assertThat(GroupsService.SearchWords.of("ﾋｶﾘﾏﾁ サロン").words()).containsExactly("ヒカリマチ", "サロン");
		assertThat(GroupsService.SearchWords.of(" ").isEmpty()).isTrue();
	}

	@Test
	void demo_groups_cover_every_category_and_ward_with_planted_near_duplicates() {
		var demo = DemoGroups.generate(320, LocalDate.of(2026, 6, 15));
		assertThat(demo).hasSize(320 + 24 + 12);
		for (GroupCategory c : GroupCategory.values()) {
			for (Ward w : Ward.values()) {
				assertThat(demo).as(c + " in " + w).anyMatch(d -> d.category() == c && d.ward() == w);
			}
		}
		var planted = demo.stream().filter(d -> d.duplicateOf() >= 0).toList();
		assertThat(planted).hasSize(24).allMatch(d -> d.state() == GroupState.APPLIED
				&& d.appliedOn().getMonthValue() == 6 && !d.appliedOn().isAfter(LocalDate.of(2026, 6, 15)));
		assertThat(planted).anyMatch(d -> d.name().contains("㈱")).anyMatch(d -> d.name().contains("(株)"))
				.anyMatch(d -> d.repAddress().contains("番地")).anyMatch(d -> d.repAddress().matches(".*[０-９].*"));
		assertThat(DemoGroups.generate(320, LocalDate.of(2026, 6, 15))).isEqualTo(demo);
	}

	private static void assertRefused(GroupField f, String text, String reason) {
		assertThatThrownBy(() -> convert(f, text)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining(reason).extracting(e -> ((InvalidInputException) e).field())
				.isEqualTo(f.apiName());
	}
}
