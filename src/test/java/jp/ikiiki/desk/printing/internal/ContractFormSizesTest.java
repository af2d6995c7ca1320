package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bundled form has the paper size 第2章 gives it, in its layout and in the PDF the printer gets: the booklet is
 * B6 (第2章1(1)ア, 128 × 182 mm); the subsidy application (第2章2(1)), the cover letter (第2章3(1)), the group
 * registration notice (第2章3(3)), the booklet issue notice (第2章5(1)) and the grant and non-grant notices
 * (第2章5(2)) are A4 (210 × 297 mm); the account form (第2章3(5)) is A4 too. The points notice (第2章3(4), a V-fold
 * sealed postcard, 縦型 右開き) is printed unfolded on an A5 sheet in landscape (210 × 148 mm), both sides: folded it
 * is a postcard of 105 × 148 mm, within Japan Post's 90–107 × 140–154 mm.
 */
class ContractFormSizesTest {

	private static final FormLayouts LAYOUTS = FormLayouts.load(null);
	private static final FormRenderer RENDERER = new FormRenderer();

	@ParameterizedTest(name = "{0} {1}×{2} mm")
	@CsvSource(textBlock = """
			booklet-cover,             128, 182
			subsidy-application,       210, 297
			cover-letter,              210, 297
			group-registration-notice, 210, 297
			booklet-issue-notice,      210, 297
			grant-notice,              210, 297
			non-grant-notice,          210, 297
			account-reminder,          210, 297
			account-form,              210, 297
			points-notice,             210, 148
			""")
	void each_form_is_printed_on_the_paper_the_contract_names(String form, double widthMm, double heightMm)
			throws Exception {
		FormLayout layout = LAYOUTS.get(form);
		assertThat(layout.page().widthMm()).isEqualTo(widthMm);
		assertThat(layout.page().heightMm()).isEqualTo(heightMm);

		var out = new ByteArrayOutputStream();
		RENDERER.render(layout, List.of(RenderedPagesTest.sample(form)), DecisionSet.NONE, out);
		try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
			PDRectangle box = doc.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isCloseTo(Units.mmToPt(widthMm), within(0.01f));
			assertThat(box.getHeight()).isCloseTo(Units.mmToPt(heightMm), within(0.01f));
		}
	}

	@org.junit.jupiter.api.Test
	void the_points_notice_is_printed_on_both_sides_and_folds_to_a_postcard() throws Exception {
		FormLayout layout = LAYOUTS.get("points-notice");
		assertThat(layout.sides()).isEqualTo(2);
		double folded = layout.page().widthMm() / 2;
		assertThat(folded).isBetween(90.0, 107.0);
		assertThat(layout.page().heightMm()).isBetween(140.0, 154.0);
		// the address face is the left panel of the front: its address, barcodes and name stay on it
		assertThat(layout.customerBarcode().side()).isEqualTo(1);
		assertThat(layout.customerBarcode().xMm() + layout.customerBarcode().widthMm()).isLessThan(folded);
		var out = new ByteArrayOutputStream();
		RENDERER.render(layout, List.of(RenderedPagesTest.sample("points-notice"), RenderedPagesTest.sample("points-notice")),
				DecisionSet.NONE, out);
		try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(4);
		}
	}

	@org.junit.jupiter.api.Test
	void no_bundled_form_is_left_unchecked() {
		assertThat(LAYOUTS.forms()).containsExactlyInAnyOrder("booklet-cover", "subsidy-application", "cover-letter",
				"group-registration-notice", "booklet-issue-notice", "grant-notice", "non-grant-notice", "account-form",
				"points-notice", "account-reminder");
	}
}
