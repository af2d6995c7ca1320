package jp.ikiiki.desk.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class ChartImagesTest {

	private static JFreeChart chart() {
		var data = new DefaultCategoryDataset();
		data.addValue(12, "受電数", "9:00");
		data.addValue(9, "受電数", "9:30");
		return ChartImages.themed(ChartFactory.createBarChart("時間帯別受電数", "時刻", "件", data));
	}

	@Test
	void svg_scales_with_its_box_and_keeps_japanese_text_as_text() {
		String svg = ChartImages.svg(chart(), 600, 300);
		String root = svg.substring(0, svg.indexOf('>') + 1);
		assertThat(root).startsWith("<svg").contains("viewBox='0.0 0.0 600.0 300.0'").contains("width=\"100%\"")
				.doesNotContain("height");
		assertThat(svg).contains("時間帯別受電数");
	}

	@Test
	void png_has_the_asked_size_times_the_scale() throws Exception {
		var image = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart(), 400, 200, 2)));
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isEqualTo(400);
	}
}
