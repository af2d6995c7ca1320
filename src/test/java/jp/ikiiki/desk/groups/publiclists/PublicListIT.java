package jp.ikiiki.desk.groups.publiclists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.groups.support.GroupListsITSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public lists (第9章1(6)): PDF per ward and category, XLSX per category, checked before they are handed out. */
class PublicListIT extends GroupListsITSupport {

	static final LocalDate ON = LocalDate.of(2025, 4, 1);

	@Autowired
	MockMvc mvc;
	@Autowired
	PublicLists lists;

	long naka1;
	long naka2;
	long minami;

	@BeforeEach
	void groups() {
		naka1 = registered(G.general("大手町ふれあいサロン", "オオテマチフレアイサロン", 101, "大手町集会所（中区大手町三丁目1番1号）",
				"齋藤 一郎", "広島市中区大手町二丁目5番8号", "082-245-1234", "大手町公民館 082-541-0000"), ON);
		naka2 = registered(G.general("中区いきいき体操の会", "ナカクイキイキタイソウノカイ", 101, "中区地域福祉センター",
				"渡邊 花子", "広島市中区富士見町11番21号", "090-1111-2222", "082-111-9999"), ON);
		minami = registered(G.general("皆実町健康クラブ", "ミナミマチケンコウクラブ", 103, "南区皆実町公民館", "山本 次郎",
				"南区皆実町一丁目9番9号", "082-333-4444", "082-333-4444"), ON);
		registered(new G(GroupCategory.MEDICAL, "いきいき内科医院", "イキイキナイカイイン", 101, "中区紙屋町1-1-1", "医師 太郎",
				"中区紙屋町1-1-1", "082-222-0001", "082-222-0001", List.of()), ON);
		registered(new G(GroupCategory.DENTAL_MILESTONE, "ひまわり歯科", "ヒマワリシカ", 101, "中区八丁堀2-2-2", "歯科 花子",
				"西区己斐本町3-3-3", "082-222-0002", "082-222-0003", List.of()), ON);
		registered(new G(GroupCategory.PHARMACY, "株式会社さくら薬局", "サクラヤッキョク", 102, "東区光町1-2-3", "薬剤 一郎",
				"東区光町9-9-9", "082-222-0004", "082-222-0005", List.of()), ON);
		// Waiting for the city: never on a public list.
		applied(G.general("申請中の会", "シンセイチュウノカイ", 101, "中区某所", "未承認 太郎", "中区某所1-1", "082-999-0000",
				null), LocalDate.of(2026, 11, 10));
	}

	@Test
	void the_pdf_of_a_ward_and_category_is_made_checked_and_holds_only_public_values() throws Exception {
		var response = mvc.perform(get("/api/groups/public-list").param("ward", "101").param("category", "GENERAL")
				.param("format", "pdf").with(user("city1").roles("CITY_STAFF"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andExpect(header().string("X-Private-Check", "passed")).andReturn().getResponse();
		byte[] pdf = response.getContentAsByteArray();
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(dir.resolve("public-list-naka-general.pdf"), pdf);
		String text;
		try (var doc = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(doc);
		}
		String flat = text.replaceAll("\\s", "");
		assertThat(flat).contains("活動団体一覧", "中区", "一般の活動団体", "大手町ふれあいサロン", "中区いきいき体操の会",
				"大手町公民館082-541-0000", "2026年11月25日現在");
		assertThat(flat).doesNotContain("皆実町健康クラブ", "いきいき内科医院", "申請中の会", "齋藤", "090-1111-2222",
				"富士見町11番21号");
		// The other categories and wards have their own files.
		for (GroupCategory c : GroupCategory.values()) {
			for (Ward w : List.of(Ward.NAKA, Ward.HIGASHI)) {
				var g = as("op", () -> lists.generate(w, c, PrivateFieldCheck.Format.PDF, "テスト"), "OPERATOR");
				assertThat(g.report().passed()).isTrue();
				assertThat(g.fileName()).startsWith("活動団体一覧_" + w.japaneseName() + "_" + PublicLists.label(c));
			}
		}
	}

	@Test
	void the_excel_of_a_category_has_every_ward_an_autofilter_and_a_frozen_header() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/groups/public-list").param("category", "GENERAL").param("format", "xlsx")
				.with(user("op").roles("OPERATOR"))).andExpect(status().isOk())
				.andExpect(header().string("X-Private-Check", "passed")).andReturn().getResponse()
				.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("一般の活動団体");
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F4");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("団体名");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("南区");
		}
	}

	@Test
	void the_check_lists_what_it_checked_and_fails_a_file_with_a_planted_home_phone() throws Exception {
		var generated = as("op", () -> lists.generate(null, GroupCategory.GENERAL, PrivateFieldCheck.Format.XLSX, "テスト"),
				"OPERATOR");
		var report = generated.report();
		assertThat(report.passed()).isTrue();
		assertThat(report.groups()).isEqualTo(6);
		assertThat(report.fields()).containsExactly("代表者氏名", "代表者住所", "代表者電話番号");
		// 皆実町健康クラブ publishes its representative's phone as its contact, the clinic its phone and address as its
		// contact and place: their own choice, counted apart.
		assertThat(report.valuesAlsoPublic()).isEqualTo(3);
		assertThat(report.valuesChecked()).isEqualTo(6 * 3 - 3);
		assertThat(report.parts()).isGreaterThan(20);

		// A home phone planted in the file, written another way than stored (090-1111-2222).
		byte[] planted;
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(generated.content())); var out = new ByteArrayOutputStream()) {
			wb.getSheetAt(0).getRow(2).createCell(5).setCellValue("代表 ０９０（１１１１）２２２２");
			wb.write(out);
			planted = out.toByteArray();
		}
		var failed = as("op", () -> lists.check("planted.xlsx", PrivateFieldCheck.Format.XLSX, planted), "OPERATOR");
		assertThat(failed.passed()).isFalse();
		assertThat(failed.findings()).containsExactly(
				new PrivateFieldCheck.Finding(naka2, "代表者電話番号", "一般の活動団体!F3"));

		// In a PDF: a home address in kanji numerals wrapped over two lines of its cell.
		byte[] pdf = PublicListPdf.write(new PublicListPdf.Table("活動団体一覧", "テスト", List.of("団体名", "活動場所"),
				List.of(6, 1), List.of(List.of("大手町ふれあいサロン", "中区大手町2丁目5番8号（代表者宅）の集会室をお借りしています"))));
		var pdfCheck = as("op", () -> lists.check("planted.pdf", PrivateFieldCheck.Format.PDF, pdf), "OPERATOR");
		assertThat(pdfCheck.passed()).isFalse();
		assertThat(pdfCheck.findings()).containsExactly(new PrivateFieldCheck.Finding(naka1, "代表者住所", "1ページ"));
	}

	@Test
	void a_list_that_would_publish_a_private_value_is_not_handed_out() throws Exception {
		// A group gave another group's representative's home phone as its public contact.
		registered(G.general("よその会", "ヨソノカイ", 101, "中区某所", "別人 三郎", "中区某所2-2", "082-777-7777",
				"お問合せ 090-1111-2222"), ON);
		mvc.perform(get("/api/groups/public-list").param("ward", "101").param("category", "GENERAL")
				.param("format", "pdf").with(user("city1").roles("CITY_STAFF"))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.findings[0].groupId").value(naka2))
				.andExpect(jsonPath("$.findings[0].field").value("代表者電話番号"));
		mvc.perform(get("/api/groups/public-list/check").param("ward", "101").param("category", "GENERAL")
				.param("format", "pdf").with(user("city1").roles("CITY_STAFF"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.passed").value(false)).andExpect(jsonPath("$.findings.length()").value(1));
	}

	@Test
	void bad_parameters_are_refused_by_name() throws Exception {
		mvc.perform(get("/api/groups/public-list").param("category", "GENERAL").param("format", "pdf")
				.with(user("op").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/groups/public-list").param("ward", "109").param("category", "GENERAL")
				.with(user("op").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/groups/public-list").param("ward", "101").param("category", "X")
				.with(user("op").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/groups/public-list").param("ward", "101").param("category", "GENERAL")
				.param("format", "doc").with(user("op").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/groups/public-list").param("ward", "101").param("category", "GENERAL")
				.with(user("a").roles("AGENT"))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> lists.generate(Ward.NAKA, GroupCategory.GENERAL, PrivateFieldCheck.Format.PDF, "x"))
				.isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
	}
}
