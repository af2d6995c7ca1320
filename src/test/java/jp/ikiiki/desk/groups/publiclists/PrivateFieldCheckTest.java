package jp.ikiiki.desk.groups.publiclists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.Representative;
import jp.ikiiki.desk.groups.Ward;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PrivateFieldCheckTest {

	static final GroupProfile GROUP = new GroupProfile(7, GroupCategory.GENERAL, "中区いきいき体操の会", "ナカクイキイキ", Ward.NAKA,
			List.of("D"), "中区地域福祉センター", new Representative("渡邊 花子", "広島市中区富士見町11番21号", "090-1111-2222"),
			"082-111-9999", GroupState.REGISTERED, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2));

	static final List<PublicField> PUBLISHED = List.of(PublicField.NAME, PublicField.MEETING_PLACE,
			PublicField.PUBLIC_CONTACT);

	private static byte[] xlsx(String... cells) throws Exception {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var row = wb.createSheet("一覧").createRow(0);
			for (int i = 0; i < cells.length; i++) {
				row.createCell(i).setCellValue(cells[i]);
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static PrivateFieldCheck.Report check(String... cells) throws Exception {
		return PrivateFieldCheck.check("t.xlsx", PrivateFieldCheck.Format.XLSX, xlsx(cells), List.of(GROUP), PUBLISHED);
	}

	@Test
	void public_values_pass() throws Exception {
		var report = check("中区いきいき体操の会", "中区地域福祉センター", "082-111-9999");
		assertThat(report.passed()).isTrue();
		assertThat(report.valuesChecked()).isEqualTo(3 + 1);
		assertThat(report.fields()).containsExactly("代表者氏名", "代表者住所", "代表者電話番号", "フリガナ（非公開設定）");
	}

	@Test
	void a_home_phone_is_found_however_it_is_written() throws Exception {
		for (String planted : List.of("090-1111-2222", "代表 ０９０（１１１１）２２２２", "TEL09011112222")) {
			var report = check("中区いきいき体操の会", planted);
			assertThat(report.passed()).as(planted).isFalse();
			assertThat(report.findings()).containsExactly(new PrivateFieldCheck.Finding(7, "代表者電話番号", "一覧!B1"));
		}
	}

	@Test
	void a_home_address_and_a_name_are_found_in_other_notations() throws Exception {
		assertThat(check("中区富士見町十一番二十一号").findings()).extracting(PrivateFieldCheck.Finding::field)
				.containsExactly("代表者住所");
		assertThat(check("代表: 渡辺花子").findings()).extracting(PrivateFieldCheck.Finding::field)
				.containsExactly("代表者氏名");
		assertThat(check("ﾅｶｸｲｷｲｷ").findings()).extracting(PrivateFieldCheck.Finding::field)
				.containsExactly("フリガナ（非公開設定）");
	}

	@Test
	void a_value_split_over_two_cells_is_not_matched_across_them() throws Exception {
		assertThat(check("090-1111", "-2222").passed()).isTrue();
	}
}
