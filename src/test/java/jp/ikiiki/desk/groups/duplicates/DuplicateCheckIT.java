package jp.ikiiki.desk.groups.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.groups.support.GroupListsITSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The monthly duplicate check (第5章2): registered groups and the towns' lists, the city's decisions kept. */
class DuplicateCheckIT extends GroupListsITSupport {

	static final LocalDate NOV = LocalDate.of(2026, 11, 10);
	static final String HEADER = "団体番号,団体名,団体名カナ,代表者,電話番号,住所\n";

	@Autowired
	MockMvc mvc;
	@Autowired
	TownLists towns;
	@Autowired
	DuplicateChecks checks;
	@Autowired
	ObjectMapper json;

	private TownListImport.Outcome importTown(Town town, String name, byte[] file, boolean dryRun) {
		return as("operator1", () -> towns.load(town, name, new ByteArrayInputStream(file), dryRun, "テスト"),
				"OPERATOR");
	}

	private TownListImport.Outcome importCsv(Town town, String csv, boolean dryRun) {
		return importTown(town, "town.csv", csv.getBytes(StandardCharsets.UTF_8), dryRun);
	}

	private JsonNode pairs(String month, String role) throws Exception {
		String body = mvc.perform(get("/api/groups/duplicates").param("month", month).with(user("u1").roles(role)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body);
	}

	private static JsonNode pairOf(JsonNode pairs, long newGroup) {
		return pairOf(pairs, newGroup, null);
	}

	/** The pair of the new group with the given registered group (any other side when null). */
	private static JsonNode pairOf(JsonNode pairs, long newGroup, Long other) {
		for (JsonNode p : pairs) {
			if (p.get("a").get("groupId").asLong() == newGroup
					&& (other == null || p.get("b").get("groupId").asLong() == other)) {
				return p;
			}
		}
		return null;
	}

	@Test
	void planted_duplicates_are_found_against_registered_groups_and_both_towns_lists_including_one_only_in_kaita() throws Exception {
		long registered = registered(G.general("株式会社いきいき薬局", "カブシキガイシャイキイキヤッキョク", 101, "中区大手町一丁目2番3号",
				"齋藤 一郎", "広島市中区大手町一丁目2番3号", "082-245-1234", "082-245-1234"), LocalDate.of(2025, 4, 1));
		registered(G.general("ひまわり体操教室", "ヒマワリタイソウキョウシツ", 103, "南区皆実町1-1-1", "佐藤 花子", "南区皆実町1-1-1",
				"082-111-2222", null), LocalDate.of(2025, 5, 1));
		assertThat(importCsv(Town.FUCHU, HEADER + "F-1,府中ふれあいサロン,フチュウフレアイサロン,渡邊 次郎,082-281-0001,府中町本町二丁目3番4号\n"
				+ "F-2,府中グラウンドゴルフ会,フチュウグラウンドゴルフカイ,田中 一,082-281-0002,府中町石井城1-1\n", false).applied())
				.isTrue();
		assertThat(importTown(Town.KAITA, "kaita.xlsx", xlsx(List.of(List.of("団体名", "代表者", "電話番号", "所在地"),
				List.of("海田さくら会", "髙橋 三郎", "(082)823-0003", "安芸郡海田町南二十三番地"),
				List.of("海田町民体操の会", "山本 四郎", "082-823-0004", "海田町上市5-6"))), false).applied()).isTrue();

		// Width, spacing and company forms; an address written otherwise; new kanji for old.
		long n1 = applied(G.general("ｲｷｲｷ薬局（株）", "ｲｷｲｷﾔｯｷｮｸ", 101, null, "斎藤　一郎", "中区大手町１－２－３",
				"０８２（２４５）１２３４", null), NOV);
		// Only in 海田町's list (no kana there): 髙橋 for 高橋, the phone in brackets, the address in kanji numerals.
		long n2 = applied(G.general("海田さくら会", "カイタサクラカイ", 107, null, "高橋三郎", "広島県安芸郡海田町南23",
				"0828230003", null), NOV);
		// Only in 府中町's list.
		long n3 = applied(G.general("府中ふれあい・サロン", "フチュウフレアイサロン", 102, null, "渡辺 次郎", "府中町本町2-3-4",
				"082-281-0001", null), NOV);
		// Nobody's duplicate.
		long n4 = applied(G.general("安佐北ウォーキング同好会", "アサキタウォーキングドウコウカイ", 106, null, "中村 五郎",
				"安佐北区可部1-2-3", "082-814-0005", null), NOV);
		// Applied in October: not this month's.
		applied(G.general("いきいき薬局", "イキイキヤッキョク", 101, null, "斎藤一郎", "中区大手町1-2-3", "0822451234", null),
				LocalDate.of(2026, 10, 5));

		JsonNode pairs = pairs("2026-11", "CITY_STAFF");
		JsonNode p1 = pairOf(pairs, n1, registered);
		assertThat(p1).isNotNull();
		assertThat(p1.get("b").get("groupId").asLong()).isEqualTo(registered);
		assertThat(p1.get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
		assertThat(p1.get("matched").toString()).contains("name", "kana", "representative", "phone", "address");
		JsonNode p2 = pairOf(pairs, n2);
		assertThat(p2).isNotNull();
		assertThat(p2.get("b").get("source").asText()).isEqualTo("KAITA");
		assertThat(p2.get("matched").toString()).contains("representative", "phone", "address");
		JsonNode p3 = pairOf(pairs, n3);
		assertThat(p3.get("b").get("source").asText()).isEqualTo("FUCHU");
		assertThat(pairOf(pairs, n4)).isNull();
		// n1 also resembles October's pending form of the same pharmacy: listed too, the city sees both.
		assertThat(pairs.findValuesAsText("source")).contains("GROUP", "KAITA", "FUCHU");
		// The check runs again as often as it is looked at and keeps the same pairs under the same ids.
		JsonNode again = pairs("2026-11", "OPERATOR");
		assertThat(again.findValues("id")).isEqualTo(pairs.findValues("id"));
		// The checklist for the city holds the same pairs.
		byte[] list = mvc.perform(get("/api/groups/duplicates/checklist").param("month", "2026-11")
				.with(user("u1").roles("CITY_STAFF"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(list))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum() - 1).isEqualTo(pairs.size());
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
			assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("照合先");
		}
		long audits = jdbc.sql("select count(*) from audit_event where channel = :c")
				.param("c", DuplicatesApi.LIST_CHANNEL).query(Long.class).single();
		assertThat(audits).isGreaterThanOrEqualTo(2);
	}

	@Test
	void the_citys_decision_is_kept_a_second_one_is_refused_and_the_pair_is_not_asked_again_in_a_later_month() throws Exception {
		long original = registered(G.general("中央町内会", "チュウオウチョウナイカイ", 101, null, "山田 太郎", "中区中央1-1-1",
				"082-111-0001", null), LocalDate.of(2025, 4, 1));
		long again = applied(G.general("中央町内会", "チュウオウチョウナイカイ", 101, null, "山田太郎", "中区中央一丁目1番1号",
				"0821110001", null), NOV);
		JsonNode pairs = pairs("2026-11", "CITY_STAFF");
		assertThat(pairs).hasSize(1);
		long id = pairs.get(0).get("id").asLong();

		mvc.perform(post("/api/groups/duplicates/{id}/decision", id).with(user("op").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"duplicate\":true}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/groups/duplicates/{id}/decision", id).with(user("city1").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableEntity());
		mvc.perform(post("/api/groups/duplicates/{id}/decision", id).with(user("city1").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"duplicate\":true}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.duplicate").value(true)).andExpect(jsonPath("$.decidedBy").value("city1"));
		mvc.perform(post("/api/groups/duplicates/{id}/decision", id).with(user("city2").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"duplicate\":false}"))
				.andExpect(status().isConflict());
		mvc.perform(post("/api/groups/duplicates/{id}/decision", 999_999).with(user("city2").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"duplicate\":false}"))
				.andExpect(status().isNotFound());

		// The same form verified again in December: the same pair is found, and not asked again.
		jdbc.sql("update activity_group set applied_on = '2026-12-03' where id = :id").param("id", again).update();
		mvc.perform(get("/api/groups/duplicates").param("month", "2026-12").with(user("c").roles("CITY_STAFF")))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		var kept = as("c", () -> checks.list(YearMonth.of(2026, 11)), "CITY_STAFF");
		assertThat(kept).singleElement().satisfies(p -> {
			assertThat(p.duplicate()).isTrue();
			assertThat(p.decidedBy()).isEqualTo("city1");
			assertThat(p.decidedAt()).isEqualTo(NOW);
			assertThat(p.b().groupId()).isEqualTo(original);
		});
		assertThat(jdbc.sql("select count(*) from group_duplicate_pair").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_decision_on_a_town_entry_survives_the_towns_next_import_of_the_same_list() throws Exception {
		String csv = HEADER + "K-7,海田さくら会,カイタサクラカイ,髙橋 三郎,082-823-0003,海田町南23\n";
		importCsv(Town.KAITA, csv, false);
		applied(G.general("海田さくら会", "カイタサクラカイ", 107, null, "高橋三郎", "海田町南23", "0828230003", null), NOV);
		long id = pairs("2026-11", "CITY_STAFF").get(0).get("id").asLong();
		as("city1", () -> checks.decide(id, false, "テスト"), "CITY_STAFF");
		importCsv(Town.KAITA, csv, false);
		JsonNode after = pairs("2026-11", "CITY_STAFF");
		assertThat(after).hasSize(1);
		assertThat(after.get(0).get("duplicate").asBoolean()).isFalse();
		assertThat(after.get(0).get("b").get("name").asText()).isEqualTo("海田さくら会");
	}

	@Test
	void a_town_list_replaces_the_towns_list_is_kept_with_its_date_and_a_small_list_is_fine() {
		var dry = importCsv(Town.FUCHU, HEADER + "1,A会,,,,\n2,B会,,,,\n", true);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.applied()).isFalse();
		assertThat(dry.entries()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from town_group").query(Long.class).single()).isZero();

		var first = importCsv(Town.FUCHU, HEADER + "1,A会,,,,\n2,B会,,,,\n3,C会,,,,\n4,D会,,,,\n5,E会,,,,\n", false);
		assertThat(first.applied()).isTrue();
		assertThat(first.entries()).isEqualTo(5);
		var second = importCsv(Town.FUCHU, HEADER + "1,A会,,,,\n6,F会,,,,\n", false);
		assertThat(second.previousEntries()).isEqualTo(5);
		assertThat(jdbc.sql("select name from town_group where town = 'FUCHU' order by name").query(String.class).list())
				.containsExactly("A会", "F会");
		var current = as("op", towns::current, "OPERATOR");
		assertThat(current.get(0).importedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(current.get(0).entries()).isEqualTo(2);
		assertThat(current.get(1).importId()).isNull();
	}

	@Test
	void the_erasure_takes_every_town_entry_with_its_representative_and_keeps_the_imports_record() {
		importCsv(Town.KAITA, HEADER + "1,A会,エーカイ,海田太郎,082-111-2222,海田町南本町1-1\n2,B会,,,,\n", false);
		var store = new TownListsPersonalData(jdbc);
		assertThat(store.count(TownListsPersonalData.ENTRIES)).isEqualTo(2);

		store.erase();

		assertThat(store.count(TownListsPersonalData.ENTRIES)).isZero();
		assertThat(jdbc.sql("select count(*) from town_group where representative is not null or phone is not null")
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from town_list_import where town = 'KAITA'").query(Long.class).single())
				.isPositive();
	}

	@Test
	void hostile_town_files_are_refused_with_row_column_and_reason_and_change_nothing() {
		importCsv(Town.KAITA, HEADER + "1,元の会,,,,\n", false);

		var allBad = importCsv(Town.KAITA, HEADER + "1,,,,,\n2,=cmd|' /C calc'!A0,,,,\n3,会\u001b[31m,,,,\n"
				+ "4,ある会,ｱﾙｶｲ漢字,,,\n5,別の会,,,12-34,\n", false);
		assertThat(allBad.applied()).isFalse();
		assertThat(allBad.entries()).isZero();
		assertThat(allBad.refused()).isEqualTo(5);
		assertThat(allBad.problems().get(0).reason()).contains("有効な行が1行もありません");
		assertThat(allBad.problems()).extracting(TownListImport.Problem::row, TownListImport.Problem::column)
				.contains(org.assertj.core.groups.Tuple.tuple(2L, "団体名"), org.assertj.core.groups.Tuple.tuple(3L, "団体名"),
						org.assertj.core.groups.Tuple.tuple(4L, "団体名"), org.assertj.core.groups.Tuple.tuple(5L, "団体名カナ"),
						org.assertj.core.groups.Tuple.tuple(6L, "電話番号"));
		assertThat(allBad.problems()).anySatisfy(p -> assertThat(p.reason()).contains("数式"));
		assertThat(allBad.problems()).anySatisfy(p -> {
			assertThat(p.reason()).contains("ESC");
			assertThat(p.value()).contains("<ESC>");
		});

		var oneBad = importCsv(Town.KAITA, HEADER + "1,よい会,,,,\n1,同じ番号の会,,,,\n", false);
		assertThat(oneBad.applied()).isFalse();
		assertThat(oneBad.problems()).anySatisfy(p -> assertThat(p.reason()).contains("2行目"));

		// One line of 50 MB: refused by the reader's limit before it is held.
		byte[] huge = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'a');
		byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(head, 0, huge, 0, head.length);
		assertThatRefused(() -> importTown(Town.KAITA, "huge.csv", huge, false), "長すぎ");
		assertThatRefused(() -> importCsv(Town.KAITA, "名前,住所\nA,B\n", false), "団体名");
		assertThatRefused(() -> importTown(Town.KAITA, "bad.xlsx", "not a workbook".getBytes(), false), "xlsx");
		assertThatRefused(() -> importCsv(Town.KAITA, HEADER, false), "データ行がありません");

		assertThat(jdbc.sql("select name from town_group where town = 'KAITA'").query(String.class).list())
				.containsExactly("元の会");
		assertThat(jdbc.sql("select count(*) from town_list_import").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void the_same_import_twice_at_once_never_doubles_the_list() throws Exception {
		String csv = HEADER + "1,A会,,,,\n2,B会,,,,\n3,C会,,,,\n";
		var results = new ArrayList<Object>();
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var futures = new ArrayList<java.util.concurrent.Future<Object>>();
			for (int i = 0; i < 2; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return importCsv(Town.FUCHU, csv, false);
					} catch (jp.ikiiki.desk.shared.StateConflictException e) {
						return e;
					}
				}));
			}
			start.countDown();
			for (var f : futures) {
				results.add(f.get());
			}
		} finally {
			pool.shutdown();
		}
		long applied = results.stream().filter(r -> r instanceof TownListImport.Outcome o && o.applied()).count();
		assertThat(applied).isBetween(1L, 2L);
		assertThat(results.stream().filter(r -> !(r instanceof TownListImport.Outcome))).allSatisfy(
				r -> assertThat(((Exception) r).getMessage()).contains("実行中"));
		assertThat(jdbc.sql("select count(*) from town_group where town = 'FUCHU'").query(Long.class).single())
				.isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from town_list_import").query(Long.class).single()).isEqualTo(applied);
	}

	@Test
	void the_api_refuses_a_bad_month_and_a_bad_town() throws Exception {
		mvc.perform(get("/api/groups/duplicates").param("month", "2026-13").with(user("c").roles("CITY_STAFF")))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/groups/duplicates").param("month", "2026-11").with(user("a").roles("AGENT")))
				.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/groups/town-lists/{town}", "HIROSHIMA")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv",
						HEADER.getBytes(StandardCharsets.UTF_8)))
				.with(user("op").roles("OPERATOR"))).andExpect(status().isUnprocessableEntity());
	}

	private static void assertThatRefused(Runnable work, String reason) {
		org.assertj.core.api.Assertions.assertThatThrownBy(work::run)
				.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class).hasMessageContaining(reason);
	}

	static byte[] xlsx(List<List<String>> rows) {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet("一覧");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			wb.write(out);
			return out.toByteArray();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
