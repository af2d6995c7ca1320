package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class FormRendererTest {

	final FormLayouts layouts = FormLayouts.load(null);
	final FormRenderer renderer = new FormRenderer();

	@Test
	void undecided_characters_refuse_the_run_and_nothing_is_written() {
		Map<String, String> f = new HashMap<>(RenderedPagesTest.sample("cover-letter").fields());
		f.put("name", "山■　太郎");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatThrownBy(() -> renderer.render(layouts.get("cover-letter"),
				List.of(RenderedPagesTest.sample("cover-letter"), new PrintItem("2", f)), DecisionSet.NONE, out))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("何も作成していません")
				.hasMessageContaining("1 人 1 項目").hasMessageNotContaining("山");
		assertThat(out.size()).isZero();
	}

	@Test
	void a_missing_required_field_or_a_value_the_symbology_cannot_hold_is_refused_naming_the_item_and_field() {
		Map<String, String> f = new HashMap<>(RenderedPagesTest.sample("cover-letter").fields());
		f.remove("applicationNumber");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatThrownBy(() -> renderer.render(layouts.get("cover-letter"), List.of(new PrintItem("1", f)),
				DecisionSet.NONE, out)).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("1 件目（宛名番号 1）").hasMessageContaining("「申請書管理番号」");
		Map<String, String> g = new HashMap<>(RenderedPagesTest.sample("grant-notice").fields());
		g.put("registeredMailNumber", "12X-45");
		assertThatThrownBy(() -> renderer.render(layouts.get("grant-notice"), List.of(new PrintItem("1", g)),
				DecisionSet.NONE, out)).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("「郵便局引受番号」").hasMessageContaining("CODABAR");
		assertThat(out.size()).isZero();
	}

	@Test
	void one_page_per_item_in_order() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintItem item = RenderedPagesTest.sample("booklet-cover");
		renderer.render(layouts.get("booklet-cover"), List.of(item, item, item), DecisionSet.NONE, out);
		try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(3);
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(Units.mmToPt(128), org.assertj.core.api.Assertions.within(0.01f));
			assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(Units.mmToPt(182), org.assertj.core.api.Assertions.within(0.01f));
		}
	}

	@Test
	void an_address_the_rules_cannot_handle_is_listed_and_prints_without_a_customer_barcode() throws Exception {
		Map<String, String> f = new HashMap<>(RenderedPagesTest.sample("cover-letter").fields());
		f.put("address", "千葉市稲毛区緑町無番地");
		f.remove("addressExtra");
		PrintItem good = RenderedPagesTest.sample("cover-letter");
		List<MissingCustomerBarcode> missing = renderer.withoutCustomerBarcode(layouts.get("cover-letter"),
				List.of(good, new PrintItem("2", f)));
		assertThat(missing).singleElement().satisfies(m -> {
			assertThat(m.subjectId()).isEqualTo("2");
			assertThat(m.index()).isEqualTo(1);
			assertThat(m.reason()).contains("住所表示番号");
		});
		assertThat(renderer.withoutCustomerBarcode(layouts.get("booklet-cover"), List.of(good))).isEmpty();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		renderer.render(layouts.get("cover-letter"), List.of(new PrintItem("2", f)), DecisionSet.NONE, out);
		assertThat(out.size()).isPositive();
	}
}
