package jp.ikiiki.desk.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Stamps for registered groups (第5章2, 3): numbers from the sequence, the city posting for medical institutions,
 * pharmacies and multi-stamp groups, labels whose barcode reads back, packing scans refused with their reason, the
 * stamp-number data and the registration notice.
 */
class GroupStampsIT extends GroupsITSupport {

	@Test
	void stamps_are_issued_from_the_sequence_labelled_scanned_when_packed_and_listed_for_the_city() throws Exception {
		long salon = registered(general("基町ふれあいサロン", "モトマチフレアイサロン", 101, "中区基町 基町集会所"));
		long club = registered(general("=cmd体操クラブ", "タイソウクラブ", 105, "安佐南区祇園 公民館"));
		long pharmacy = registered(entry("祇園調剤薬局", "ギオンチョウザイヤッキョク", GroupCategory.PHARMACY, 105,
				List.of("B"), "安佐南区祇園1-1-1", "薬師　花子", "広島市安佐南区祇園1-1-1", "082-111-2222", null));

		List<Stamp> one = as("op1", () -> stamps.issue(salon, 1), "OPERATOR");
		List<Stamp> several = as("op1", () -> stamps.issue(club, 3), "OPERATOR");
		List<Stamp> medical = as("op1", () -> stamps.issue(pharmacy, 1), "OPERATOR");
		assertThat(one).singleElement().satisfies(s -> assertThat(s.postedBy()).isEqualTo("CENTRE"));
		assertThat(several).extracting(Stamp::postedBy).containsOnly("CITY");
		assertThat(medical).extracting(Stamp::postedBy).containsOnly("CITY");
		assertThat(several).extracting(Stamp::number).containsExactly(one.get(0).number() + 1,
				one.get(0).number() + 2, one.get(0).number() + 3);
		assertThat(one.get(0).label()).matches("GS[0-9]{7}");

		// A number is never reused: the group's stamps stay when it is deleted, the next group gets the next number.
		assertThat(as("op1", () -> stamps.toPack(), "OPERATOR")).extracting(Stamp::number)
				.containsExactly(one.get(0).number());

		// The label's barcode reads back as the number.
		byte[] labels = as("op1", () -> stamps.labels(List.of(one.get(0).number()), "test"), "OPERATOR");
		try (var pdf = Loader.loadPDF(labels)) {
			var image = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
			var read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
					new BufferedImageLuminanceSource(image))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
							true, com.google.zxing.DecodeHintType.POSSIBLE_FORMATS,
							List.of(com.google.zxing.BarcodeFormat.CODE_128)));
			assertThat(read.getText()).isEqualTo(one.get(0).label());
		}

		// Packing: the label read → packed; again, a city-posted stamp, an unknown number and a wrong label refused.
		Stamp packed = as("op3", () -> stamps.pack(" " + one.get(0).label().toLowerCase() + " "), "OPERATOR");
		assertThat(packed.packedBy()).isEqualTo("op3");
		assertThat(packed.packedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> as("op3", () -> stamps.pack(one.get(0).label()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("梱包済み").hasMessageContaining("op3");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack(several.get(0).label()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("市が送付");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack("GS9999999"), "OPERATOR"))
				.isInstanceOf(NotFoundException.class).hasMessageContaining("交付されていません");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack("4901234567894"), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("ラベルではありません");
		assertThat(as("op1", () -> stamps.toPack(), "OPERATOR")).isEmpty();

		// The stamp-number data for the city: every stamp of the month, who posts it, a formula neutralised.
		String csv = new String(as("city1", () -> stamps.dataFile(YearMonth.of(2026, 6), "test"), "CITY_STAFF"),
				StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(1 + 5);
		assertThat(csv).contains(one.get(0).label() + "," + salon + ",基町ふれあいサロン")
				.contains("'=cmd体操クラブ").contains("市が送付").contains("受注者が送付,2026-06-15 10:00");
		assertThat(csv).doesNotContain("082-111-2222", "薬師");

		// Issuing needs a registered group and a sensible count.
		assertThatThrownBy(() -> as("op1", () -> stamps.issue(salon, 0), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		GroupForm pending = keyed(GroupFormKind.REGISTER, null, general("申請中の会", "シンセイチュウノカイ", 101, "中区"));
		assertThatThrownBy(() -> as("op1", () -> stamps.issue(pending.groupId(), 1), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("登録されていない");

		// The registration notice prints the group, its representative and the numbers.
		byte[] notice = as("op1", () -> stamps.registrationNotice(club, "test"), "OPERATOR");
		try (var pdf = Loader.loadPDF(notice)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("活動団体登録通知書").contains("=cmd体操クラブ").contains("広島 太郎".replace(' ', '　'))
					.contains(several.get(0).label()).contains(several.get(2).label());
		}
		assertThat(as("op1", () -> groups.history(club), "OPERATOR")).extracting(GroupHistoryEntry::event)
				.containsExactly("REGISTER_VERIFIED", "REGISTERED", "STAMPS_ISSUED");
	}
}
