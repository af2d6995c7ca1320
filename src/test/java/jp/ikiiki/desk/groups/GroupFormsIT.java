package jp.ikiiki.desk.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A month of groups' forms (第5章2, 第10章2) against the embedded PostgreSQL: registrations, a change, a deletion and
 * a doubtful form keyed twice, verified, on the city's check list and approved or rejected once; the group's state and
 * history follow. Clock pinned to 2026-06-15 10:00 Japan time.
 */
class GroupFormsIT extends GroupsITSupport {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	@Test
	void a_month_of_forms_keyed_verified_and_approved_makes_the_groups_as_the_city_decided() {
		// New groups: verified registration forms make APPLIED groups dated the day of verification.
		GroupForm salon = keyed(GroupFormKind.REGISTER, null, general("基町ふれあいサロン", "ﾓﾄﾏﾁﾌﾚｱｲｻﾛﾝ", 101,
				"中区基町 基町集会所"));
		assertThat(salon.state()).isEqualTo(GroupFormState.VERIFIED);
		assertThat(salon.verifiedOn()).isEqualTo(TODAY);
		GroupProfile applied = as("op1", () -> groups.profile(salon.groupId(), "test"), "OPERATOR");
		assertThat(applied.state()).isEqualTo(GroupState.APPLIED);
		assertThat(applied.appliedOn()).isEqualTo(TODAY);
		assertThat(applied.nameKana()).isEqualTo("モトマチフレアイサロン");
		assertThat(applied.representative().phone()).isEqualTo("082-245-1234");

		GroupForm clinic = keyed(GroupFormKind.REGISTER, null, entry("やまだ内科クリニック", "ヤマダナイカクリニック",
				GroupCategory.MEDICAL, 104, List.of("B"), "西区己斐本町1-2-3", "山田　一郎", "広島市西区己斐本町1-2-3",
				"0822711111", null));
		GroupForm refused = keyed(GroupFormKind.REGISTER, null, general("重複した会", "チョウフクシタカイ", 102,
				"東区光町 集会所"));

		// A doubtful form waits for the city's answer and is not keyed meanwhile.
		long doubtful = as("op1", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		as("op1", () -> forms.query(doubtful, "団体名の2文字目が判読できない（「沖」か「仲」か）"), "OPERATOR");
		assertThat(as("op1", () -> forms.form(doubtful), "OPERATOR").state()).isEqualTo(GroupFormState.QUERIED);
		assertThatThrownBy(() -> as("op1", () -> forms.entry(doubtful, general("仲町の会", "ナカマチノカイ", 101,
				"中区")), "OPERATOR")).isInstanceOf(StateConflictException.class).hasMessageContaining("照会中");
		assertThat(as("city1", () -> forms.checkList("test"), "CITY_STAFF")).extracting(i -> i.form().id())
				.containsExactly(salon.id(), clinic.id(), refused.id());
		as("city1", () -> forms.answer(doubtful, "「仲」と市が確認"), "CITY_STAFF");
		assertThat(as("op1", () -> forms.form(doubtful), "OPERATOR").state()).isEqualTo(GroupFormState.RECEIVED);
		as("op1", () -> forms.entry(doubtful, general("仲町の会", "ナカマチノカイ", 101, "中区")), "OPERATOR");
		GroupForm nakamachi = as("op2", () -> forms.verify(doubtful, general("仲町の会", "ナカマチノカイ", 101, "中区")),
				"OPERATOR").form();
		assertThat(nakamachi.queryAnswer()).isEqualTo("「仲」と市が確認");

		// The city's check list and its decisions, each applied once.
		as("city1", () -> forms.approve(salon.id(), true, null), "CITY_STAFF");
		as("city1", () -> forms.approve(clinic.id(), true, "確認済"), "CITY_STAFF");
		assertThatThrownBy(() -> as("city1", () -> forms.approve(refused.id(), false, " "), "CITY_STAFF"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
		as("city1", () -> forms.approve(refused.id(), false, "既に登録済みの団体と重複"), "CITY_STAFF");
		as("city1", () -> forms.approve(nakamachi.id(), true, null), "CITY_STAFF");
		assertThatThrownBy(() -> as("city2", () -> forms.approve(salon.id(), false, "取消"), "CITY_STAFF"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("既に「市が承認」");
		assertThat(profile(salon.groupId()).state()).isEqualTo(GroupState.REGISTERED);
		assertThat(profile(salon.groupId()).registeredOn()).isEqualTo(TODAY);
		assertThat(profile(refused.groupId()).state()).isEqualTo(GroupState.REJECTED);
		assertThat(as("city1", () -> forms.checkList("test"), "CITY_STAFF")).isEmpty();

		// A change form: the fields it gives replace the group's, the rest stay.
		GroupForm change = keyed(GroupFormKind.CHANGE, salon.groupId(), new GroupEntry(null, null, null, null,
				List.of("D", "H"), "中区基町 基町第二集会所", null, null, "090-1234-5678", null));
		assertThatThrownBy(() -> as("op1", () -> forms.receive(GroupFormKind.DELETE, salon.groupId()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("処理中の届出書");
		as("city1", () -> forms.approve(change.id(), true, null), "CITY_STAFF");
		GroupProfile changed = profile(salon.groupId());
		assertThat(changed.state()).isEqualTo(GroupState.CHANGED);
		assertThat(changed.activityCodes()).containsExactly("D", "H");
		assertThat(changed.meetingPlace()).isEqualTo("中区基町　基町第二集会所");
		assertThat(changed.representative().phone()).isEqualTo("090-1234-5678");
		assertThat(changed.representative().name()).isEqualTo("広島　太郎");
		assertThat(changed.name()).isEqualTo("基町ふれあいサロン");

		// A deletion form.
		GroupForm delete = keyed(GroupFormKind.DELETE, clinic.groupId(), new GroupEntry("やまだ内科クリニック", null, null,
				null, null, null, null, null, null, null));
		as("city1", () -> forms.approve(delete.id(), true, null), "CITY_STAFF");
		assertThat(profile(clinic.groupId()).state()).isEqualTo(GroupState.DELETED);
		assertThat(jdbc.sql("select deleted_on from activity_group where id = :id").param("id", clinic.groupId())
				.query(LocalDate.class).single()).isEqualTo(TODAY);

		assertThat(as("op1", () -> groups.history(salon.groupId()), "OPERATOR")).extracting(GroupHistoryEntry::event)
				.containsExactly("REGISTER_VERIFIED", "REGISTERED", "CHANGED");
		assertThat(as("op1", () -> groups.history(clinic.groupId()), "OPERATOR")).extracting(GroupHistoryEntry::event)
				.containsExactly("REGISTER_VERIFIED", "REGISTERED", "DELETED");
		assertThat(as("op1", () -> groups.history(salon.groupId()), "OPERATOR"))
				.allSatisfy(h -> assertThat(h.summary()).doesNotContain("広島　太郎", "082-245-1234"));
		// The directory the duplicate check and the public lists read.
		assertThat(directory.active()).extracting(GroupProfile::id)
				.containsExactlyInAnyOrder(salon.groupId(), nakamachi.groupId());
		// Every look-up of a representative is audited, naming the group.
		assertThat(jdbc.sql("select count(*) from audit_event where detail like :d").param("d",
				"活動団体 " + salon.groupId() + " の代表者情報").query(Long.class).single()).isPositive();
	}

	@Test
	void a_second_difference_goes_to_a_floor_manager_who_may_not_have_keyed_it() {
		long id = as("op1", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		GroupEntry e = general("光町いきいき体操の会", "ヒカリマチイキイキタイソウノカイ", 102, "東区光町 公民館");
		as("op1", () -> forms.entry(id, e), "OPERATOR");
		assertThatThrownBy(() -> as("op1", () -> forms.verify(id, e), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("ベリファイできません");
		GroupEntry other = general("光町いきいき体躁の会", "ヒカリマチイキイキタイソウノカイ", 102, "東区光町 公民館");
		assertThat(as("op2", () -> forms.verify(id, other), "OPERATOR").mismatches()).containsExactly("name");
		assertThat(as("op2", () -> forms.verify(id, other), "OPERATOR").form().state())
				.isEqualTo(GroupFormState.DISPUTED);
		assertThat(as("fm1", () -> forms.disputes(), "FLOOR_MANAGER")).singleElement()
				.satisfies(d -> assertThat(d.fields()).extracting(GroupForms.DisputedField::entryValue)
						.containsExactly("光町いきいき体操の会"));
		GroupForm decided = as("fm1", () -> forms.decide(id, Map.of(GroupField.NAME, "光町いきいき体操の会"), "原本で確認"),
				"FLOOR_MANAGER");
		assertThat(decided.state()).isEqualTo(GroupFormState.VERIFIED);
		assertThat(profile(decided.groupId()).name()).isEqualTo("光町いきいき体操の会");
	}

	@Test
	void the_check_list_workbook_holds_every_verified_form_and_a_formula_stays_text() throws Exception {
		keyed(GroupFormKind.REGISTER, null, general("=cmd|' /C calc'!A0", "コマンド", 103, "南区"));
		byte[] xlsx = as("city1", () -> forms.checkListWorkbook("test"), "CITY_STAFF");
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var cell = book.getSheetAt(0).getRow(1).getCell(5);
			assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			// Spaces are kept as one ideographic space each (GroupValues), the formula characters as keyed.
			assertThat(cell.getStringCellValue()).isEqualTo("=cmd|'　/C　calc'!A0");
		}
	}

	@Test
	void a_form_image_is_kept_once_shown_as_a_page_and_a_file_that_is_no_pdf_is_refused() throws Exception {
		long id = as("op1", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		assertThatThrownBy(() -> as("op1", () -> forms.attachImage(id, "x.pdf",
				new ByteArrayInputStream("not a pdf".getBytes())), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("PDF");
		byte[] pdf = onePagePdf();
		GroupForm f = as("op1", () -> forms.attachImage(id, "form.pdf", new ByteArrayInputStream(pdf)), "OPERATOR");
		assertThat(f.imagePages()).isEqualTo(1);
		byte[] png = as("op1", () -> forms.imagePage(id, 1, "test"), "OPERATOR");
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThatThrownBy(() -> as("op1", () -> forms.attachImage(id, "again.pdf", new ByteArrayInputStream(pdf)),
				"OPERATOR")).isInstanceOf(StateConflictException.class);
	}

	@Test
	void the_erasure_clears_representatives_keyed_values_and_images_and_keeps_the_groups() throws Exception {
		long group = registered(general("基町ふれあいサロン", "モトマチフレアイサロン", 101, "中区基町"));
		long id = as("op1", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		byte[] pdf = onePagePdf();
		as("op1", () -> forms.attachImage(id, "form.pdf", new ByteArrayInputStream(pdf)), "OPERATOR");
		jp.ikiiki.desk.erasure.PersonalDataStore store = stores.stream().filter(s -> s.module().equals("groups"))
				.filter(s -> s.kinds().stream().anyMatch(k -> k.key().equals("groups.activity_group"))).findFirst()
				.orElseThrow(); // the groups' own store (the town lists have theirs)
		// every kind but the floor manager's decisions (no form here was disputed)
		assertThat(store.kinds()).filteredOn(k -> !k.key().equals("groups.group_form_decision"))
				.allSatisfy(k -> assertThat(store.count(k)).as(k.key()).isPositive());
		store.erase();
		assertThat(store.kinds()).allSatisfy(k -> assertThat(store.count(k)).as(k.key()).isZero());
		assertThat(jdbc.sql("select count(*) from activity_group_history where snapshot::text like '%広島%'")
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select name from activity_group where id = :id").param("id", group).query(String.class)
				.single()).isEqualTo("基町ふれあいサロン");
		store.erase();
	}

	@org.springframework.beans.factory.annotation.Autowired
	List<jp.ikiiki.desk.erasure.PersonalDataStore> stores;

	static byte[] onePagePdf() throws Exception {
		try (var doc = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			return out.toByteArray();
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	GroupDirectory directory;

	private GroupProfile profile(long id) {
		return as("op1", () -> groups.profile(id, "test"), "OPERATOR");
	}
}
