package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

	@Test
	void an_inch_is_72_points_and_25_4_millimetres() {
		assertThat(Units.mmToPt(25.4)).isCloseTo(72f, within(1e-4f));
		assertThat(Units.ptToMm(72)).isCloseTo(25.4, within(1e-9));
		assertThat(Units.mmToPx(25.4, 300)).isCloseTo(300, within(1e-9));
	}

	@Test
	void an_a4_page_is_595_by_842_points() {
		assertThat(Units.mmToPt(210)).isCloseTo(595.28f, within(0.01f));
		assertThat(Units.mmToPt(297)).isCloseTo(841.89f, within(0.01f));
	}

	@Test
	void a_customer_barcode_at_10_point_has_bars_0_6_mm_wide_and_3_6_mm_high() {
		FormLayout.CustomerBarcodeBlock c = new FormLayout.CustomerBarcodeBlock(0, 0, 10, 1);
		assertThat(c.unitMm()).isCloseTo(0.6, within(1e-9));
		assertThat(c.heightMm()).isCloseTo(3.6, within(1e-9));
		assertThat(c.widthMm()).isCloseTo(79.8, within(1e-9));
	}
}
