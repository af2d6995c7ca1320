package jp.ikiiki.desk.groups.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateScorerTest {

	static final Candidate ORIGINAL = Candidate.of("G:1", "株式会社いきいき薬局", "カブシキガイシャイキイキヤッキョク", "齋藤 一郎",
			"082-245-1234", "広島市中区大手町一丁目2番3号");

	@Test
	void the_same_group_written_with_other_widths_spaces_forms_and_notation_scores_one_with_every_field_matched() {
		var variant = Candidate.of("G:2", "ｲｷｲｷ薬局（株）", "ｲｷｲｷﾔｯｷｮｸ", "斎藤　一郎", "０８２（２４５）１２３４",
				"中区大手町１－２－３");
		var match = DuplicateScorer.score(ORIGINAL, variant);
		assertThat(match.score()).isEqualTo(1.0);
		var exact = Candidate.of("G:3", "いきいき薬局(株)", "いきいきやっきょく", "斎藤一郎", "0822451234", "中区大手町1-2-3");
		var exactMatch = DuplicateScorer.score(ORIGINAL, exact);
		assertThat(exactMatch.score()).isEqualTo(1.0);
		assertThat(exactMatch.matched()).containsExactly(MatchField.NAME, MatchField.KANA, MatchField.REPRESENTATIVE,
				MatchField.PHONE, MatchField.ADDRESS);
	}

	@Test
	void a_group_with_a_new_representative_but_the_same_name_place_and_phone_is_still_listed() {
		var changed = Candidate.of("G:2", "いきいき薬局", "イキイキヤッキョク", "佐藤 花子", "082-245-1234", "中区大手町1-2-3");
		var match = DuplicateScorer.score(ORIGINAL, changed);
		assertThat(match.score()).isGreaterThanOrEqualTo(DuplicateScorer.LISTED);
		assertThat(match.matched()).doesNotContain(MatchField.REPRESENTATIVE).contains(MatchField.PHONE);
	}

	@Test
	void a_town_entry_without_kana_is_scored_on_the_fields_it_has() {
		var town = Candidate.of("KAITA:H:x", "いきいき薬局", null, "斎藤一郎", "0822451234", "中区大手町1-2-3");
		var match = DuplicateScorer.score(ORIGINAL, town);
		assertThat(match.score()).isEqualTo(1.0);
		assertThat(match.matched()).doesNotContain(MatchField.KANA);
	}

	@Test
	void different_groups_with_a_common_kind_of_name_are_not_listed() {
		var a = Candidate.of("G:1", "中央町内会老人クラブ", "チュウオウチョウナイカイロウジンクラブ", "山田 太郎", "082-111-2222",
				"中区中央1-1-1");
		var b = Candidate.of("G:2", "本町町内会老人クラブ", "ホンマチチョウナイカイロウジンクラブ", "田中 次郎", "082-333-4444",
				"南区本町5-6-7");
		assertThat(DuplicateScorer.score(a, b).score()).isLessThan(DuplicateScorer.LISTED);
	}

	@Test
	void fewer_than_two_comparable_fields_score_nothing() {
		var a = Candidate.of("G:1", "いきいき薬局", null, null, null);
		var b = Candidate.of("G:2", "いきいき薬局", null, null, null);
		assertThat(DuplicateScorer.score(a, b).score()).isZero();
	}

	@Test
	void dice_counts_shared_bigrams() {
		assertThat(DuplicateScorer.dice("abcd", "abcd")).isEqualTo(1.0);
		assertThat(DuplicateScorer.dice("abcd", "abce")).isEqualTo(2.0 * 2 / 6);
		assertThat(DuplicateScorer.dice("", "abc")).isZero();
	}

	@Test
	void blocking_finds_what_comparing_every_pair_finds() {
		var others = List.of(
				Candidate.of("G:10", "いきいき薬局", "イキイキヤッキョク", "斎藤一郎", "0822451234", "中区大手町1-2-3"),
				Candidate.of("G:11", "ひまわり体操教室", "ヒマワリタイソウキョウシツ", "佐藤花子", "0823334444", "南区皆実町1-1-1"),
				// Named differently in kanji, same kana, same phone: found through the phone and the kana.
				Candidate.of("KAITA:N:7", "生き生き薬局", "イキイキヤッキョク", "斎藤一郎", "0822451234", "海田町南1-2-3"));
		var finder = new DuplicateFinder(others);
		var blocked = finder.find(ORIGINAL).stream().map(f -> f.b().ref()).toList();
		var all = finder.findByComparingAll(ORIGINAL).stream().map(f -> f.b().ref()).toList();
		assertThat(blocked).containsExactlyElementsOf(all).containsExactly("G:10", "KAITA:N:7");
	}
}
